using System.Diagnostics;
using Esper.Host.Tests.Support;
using Esper.Testing;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// The built host started as its own process on a loopback port chosen up front (so ESPER_PUBLIC_URL can name it),
/// over a fresh SQLite directory, with a fixed challenge key and a low proof-of-work difficulty so the browser
/// solves in milliseconds. A process rather than an in-memory factory: several factories starting at once in one
/// test run can pick up each other's server.
/// </summary>
internal sealed class ChallengeHost : IDisposable
{
    public const string AdminKey = "esk_default_challengetestadminkey";

    private readonly Process _process;
    private readonly string _dataDir;

    private ChallengeHost(Process process, string dataDir, string publicUrl)
    {
        _process = process;
        _dataDir = dataDir;
        PublicUrl = publicUrl;
    }

    public string PublicUrl { get; }

    public static async Task<ChallengeHost> StartAsync()
    {
        var dataDir = TempDir.Create();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet", [HostProcess.HostDll(), "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.Environment["ESPER_DATA_DIR"] = dataDir;
        start.Environment["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey;
        start.Environment["ESPER_RATE_LIMIT_PER_MINUTE"] = "0";
        start.Environment["ESPER_PUBLIC_URL"] = url;
        start.Environment["ESPER_POW_DIFFICULTY"] = "8";
        start.Environment["ESPER_CHALLENGE_KEYS"] = "k1:" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        start.Environment["ESPER_CHALLENGE_PASS_TTL_SECONDS"] = "1800";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ChallengeHost(process, dataDir, url);
        try
        {
            await host.WaitHealthyAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(PublicUrl) };

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }


    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(PublicUrl), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
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
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become healthy.");
    }
}
