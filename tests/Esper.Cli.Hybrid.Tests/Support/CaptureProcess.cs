using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary><c>esper capture run</c> as its own process; its output is kept so a test can wait on what it printed.</summary>
internal sealed class CaptureProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CaptureProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts capture and waits until it says it is capturing; fails with the tool's own words when capture cannot run here.</summary>
    public static async Task<CaptureProcess> StartAsync(EsperTool tool, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Paths.EsperDll(), "capture", "run", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ESPER_HOME"] = tool.Home;
        var process = Process.Start(start)!;
        var capture = new CaptureProcess(process);
        process.OutputDataReceived += (_, e) => capture.Append(e.Data);
        process.ErrorDataReceived += (_, e) => capture.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Wait.UntilAsync(
            () => process.HasExited
                ? throw new InvalidOperationException($"esper capture run could not capture here (exit code {process.ExitCode}; capture on lo needs libpcap0.8 and root or CAP_NET_RAW): {capture.Output}")
                : Task.FromResult(capture.Output.Contains("capturing on", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            "esper capture run to start capturing");
        return capture;
    }

    /// <summary>SIGTERM: capture stops, forwards what it queued and prints its stats; waits for the exit.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
