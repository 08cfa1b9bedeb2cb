using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Esper.Testing;

namespace Esper.Host.Tests.Support;

/// <summary>
/// The built host started as its own process (<c>dotnet functions/Esper.Host/bin/…/Esper.Host.dll</c>) on a free
/// loopback port, the way a user runs it. Killing it is a SIGKILL.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors;

    private HostProcess(Process process, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> errors)
    {
        _process = process;
        BaseAddress = baseAddress;
        _errors = errors;
    }

    public Uri BaseAddress { get; }

    public static async Task<HostProcess> StartAsync(string dataDir, string adminKey = EsperHost.AdminKey)
    {
        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [HostDll(), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.Environment["ESPER_DATA_DIR"] = dataDir;
        start.Environment["ESPER_BOOTSTRAP_ADMIN_KEY"] = adminKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri(url), errors);
        await host.WaitHealthyAsync();
        return host;
    }

    public EsperClient Client(string? key = EsperHost.AdminKey) => new(new HttpClient { BaseAddress = BaseAddress }, key);

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>The built host, in the same configuration as this test assembly.</summary>
    public static string HostDll()
    {
        var dll = Path.Combine(RepositoryRoot.BuildOutput("Esper.Host"), "Esper.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}: {string.Join(" | ", _errors)}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become healthy.");
    }
}
