using System.Collections.Concurrent;
using System.Diagnostics;

namespace Esper.Testing;

/// <summary>
/// The built Esper host (<c>functions/Esper.Host</c>) started as its own process on a loopback port, the way a user
/// runs it: over the embedded store in <see cref="HostProcessStart.DataDir"/>, with a known bootstrap admin key, in
/// the Production environment. Every test project that needs a real host over a real socket starts it here.
/// <see cref="Kill"/> is a SIGKILL; disposing kills it if it still runs.
/// </summary>
public sealed class EsperHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string? _ownedDataDir;

    private EsperHostProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output, string? ownedDataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
        _ownedDataDir = ownedDataDir;
    }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><see cref="BaseAddress"/> without the trailing slash, as settings and command lines take it.</summary>
    public string Url => BaseAddress.ToString().TrimEnd('/');

    /// <summary>Every line the host wrote to its standard output and error, for assertions and failure messages.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host and waits until <c>/healthz</c> answers (or the process exits, which throws with its output).</summary>
    public static async Task<EsperHostProcess> StartAsync(HostProcessStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var ownedDataDir = start.DataDir is null ? Directory.CreateTempSubdirectory("esper-host-tests-").FullName : null;
        var dataDir = start.DataDir ?? ownedDataDir!;
        Directory.CreateDirectory(dataDir);
        var url = start.Url ?? $"http://127.0.0.1:{LoopbackPort.Free()}";
        var info = new ProcessStartInfo("dotnet", [HostDll(), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        info.Environment["ESPER_DATA_DIR"] = dataDir;
        info.Environment["ESPER_BOOTSTRAP_ADMIN_KEY"] = start.AdminKey;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in start.Settings)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new EsperHostProcess(process, new Uri(url), output, ownedDataDir);
        try
        {
            await host.WaitHealthyAsync(start.StartTimeout).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>The built host, in the same configuration as the tests.</summary>
    public static string HostDll()
    {
        var dll = Path.Combine(RepositoryRoot.BuildOutput("Esper.Host"), "Esper.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build functions/Esper.Host first.", dll);
    }

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Kills the host if it still runs and removes the data directory it made itself (not one it was given).</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        if (_ownedDataDir is not null)
        {
            try
            {
                Directory.Delete(_ownedDataDir, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The Esper host exited with code {_process.ExitCode}: {string.Join(" | ", _output)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
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

            // Polling a real condition (the port answering), bounded by the timeout above.
            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"The Esper host did not answer /healthz within {timeout.TotalSeconds:0} s: {string.Join(" | ", _output)}");
    }
}
