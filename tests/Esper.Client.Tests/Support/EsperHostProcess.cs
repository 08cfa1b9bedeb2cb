using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Esper.Connectors.Testing;

/// <summary>
/// The built Esper host (<c>functions/Esper.Host</c>) started as its own process on a free loopback port over a fresh
/// embedded store, as a customer's Esper runs. Shared by the connector test projects; <see cref="Stop"/> kills it.
/// </summary>
internal sealed class EsperHostProcess : IDisposable
{
    public const string AdminKey = "esk_default_connectortestadminkey";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _dataDir;

    private EsperHostProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
        _dataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the host printed, for assertions on its start-up log.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<EsperHostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("esper-connector-tests-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [HostDll(), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.Environment["ESPER_DATA_DIR"] = dataDir;
        start.Environment["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey;
        start.Environment["ESPER_RATE_LIMIT_PER_MINUTE"] = "0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new EsperHostProcess(process, new Uri(url), output, dataDir);
        await host.WaitHealthyAsync();
        return host;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Esper.Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }

    /// <summary>Kills the host (SIGKILL): Esper is now unreachable at <see cref="BaseAddress"/>.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static string HostDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "functions", "Esper.Host", "bin", configuration, "net10.0", "Esper.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build functions/Esper.Host first.", dll);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Esper host exited with code {_process.ExitCode}: {string.Join(" | ", _output)}");
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

            await Task.Delay(50);
        }

        throw new TimeoutException("The Esper host did not become healthy within 60 s.");
    }
}
