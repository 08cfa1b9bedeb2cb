using System.Text;
using System.Text.Json;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>The origin: the built host as its own process (<see cref="EsperHostProcess"/>) over the embedded store, on a free loopback port.</summary>
internal sealed class OriginProcess : IDisposable
{
    public const string AdminKey = "esk_default_hybridtestadminkey";

    private readonly EsperHostProcess _process;
    private readonly HttpClient _admin;

    private OriginProcess(EsperHostProcess process)
    {
        _process = process;
        _admin = new HttpClient { BaseAddress = process.BaseAddress };
        _admin.DefaultRequestHeaders.Add("x-esper-api-key", AdminKey);
    }

    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>Starts origin over <paramref name="dataDir"/>; <paramref name="port"/> restarts it where it listened before.</summary>
    public static async Task<OriginProcess> StartAsync(string dataDir, int? port = null) =>
        new(await EsperHostProcess.StartAsync(new HostProcessStart
        {
            DataDir = dataDir,
            AdminKey = AdminKey,
            Url = port is null ? null : $"http://127.0.0.1:{port}",
        }));

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
        _process.Dispose();
        _admin.Dispose();
    }
}
