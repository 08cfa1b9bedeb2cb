using System.Diagnostics;
using System.Text;
using System.Text.Json;

using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>The origin: the built host as its own process over the embedded store, on a free loopback port.</summary>
internal sealed class OriginProcess : IDisposable
{
    public const string AdminKey = "esk_default_hybridtestadminkey";

    private readonly Process _process;
    private readonly HttpClient _admin;

    private OriginProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = baseAddress };
        _admin.DefaultRequestHeaders.Add("x-esper-api-key", AdminKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the host over <paramref name="dataDir"/>; pass <paramref name="port"/> to restart an origin where it was.</summary>
    public static async Task<OriginProcess> StartAsync(string dataDir, int? port = null)
    {
        Directory.CreateDirectory(dataDir);
        var url = $"http://127.0.0.1:{port ?? LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet", [Paths.HostDll(), "--urls", url])
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
        var origin = new OriginProcess(process, new Uri(url));
        await Wait.UntilAsync(origin.IsHealthyAsync, TimeSpan.FromSeconds(60), "the origin host to answer /healthz");
        return origin;
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string? json = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Remove("x-esper-api-key");
            request.Headers.Add("x-esper-api-key", key);
        }

        using var response = await _admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<JsonElement> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public async Task<string> CreateRuntimeKeyAsync() =>
        (await PostAsync("/api/v1/api-keys", """{"name":"hybrid daemon","scope":"runtime"}""")).GetProperty("secret").GetString()!;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _admin.Dispose();
    }

    private async Task<bool> IsHealthyAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The origin host exited with code {_process.ExitCode}.");
        }

        try
        {
            using var response = await _admin.GetAsync("/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
