using System.Diagnostics;
using Esper.Testing;

namespace Esper.Cli.Tests.EndToEnd;

/// <summary>
/// The built Esper host (<c>functions/Esper.Host</c>) as its own process on the embedded store, on a free loopback
/// port, with a known admin key (as <c>tests/Esper.Host.Tests/Support/HostProcess</c> starts it). Disposing kills it.
/// </summary>
internal sealed class EsperHostProcess : IDisposable
{
    public static readonly string AdminKey = "esk_default_" + new string('e', 48);

    private readonly Process _process;

    private EsperHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Url => BaseAddress.ToString().TrimEnd('/');

    public static async Task<EsperHostProcess> StartAsync(string dataDir)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet", [HostDll(), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.Environment["ESPER_DATA_DIR"] = dataDir;
        start.Environment["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new EsperHostProcess(process, new Uri(url));
        await host.WaitHealthyAsync();
        return host;
    }

    private static string HostDll()
    {
        var dll = Path.Combine(RepositoryRoot.BuildOutput("Esper.Host"), "Esper.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
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

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
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

        throw new TimeoutException("The host did not become healthy within a minute.");
    }
}
