using System.Diagnostics;
using System.Globalization;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>The upstream app: <c>esper capture test-server</c> as its own process on a free loopback port.</summary>
internal sealed class TestServerProcess : IDisposable
{
    private readonly Process _process;

    private TestServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<TestServerProcess> StartAsync(EsperTool tool)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet", [Paths.EsperDll(), "capture", "test-server", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ESPER_HOME"] = tool.Home;
        var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new TestServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await Wait.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"esper capture test-server exited with code {process.ExitCode}.");
                }

                try
                {
                    using var response = await http.GetAsync("/ready");
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "esper capture test-server to answer");
        return server;
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
}
