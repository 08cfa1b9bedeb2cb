using System.Security.Cryptography;
using System.Text;
using Esper.Api;
using Esper.Api.Http;
using Esper.Bench.InProcess.Http;
using Esper.Bench.InProcess.Tenant;
using Esper.Storage.KeyValue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esper.Bench.InProcess.Harness;

/// <summary>
/// The shared handler composed exactly as hosts compose it (<c>AddEsperApi</c>), over a store of the bench's
/// choosing, with the default tenant bootstrapped and a tenant configuration applied through the config API.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchHost(ServiceProvider services, IApiHandler handler, string adminKey)
    {
        _services = services;
        Handler = handler;
        AdminKey = adminKey;
    }

    public IApiHandler Handler { get; }

    public string AdminKey { get; }

    public string RuntimeKey { get; private set; } = "";

    public static async Task<BenchHost> CreateAsync(IKeyValueStore store, TenantDocuments tenant, RecordingMode recording = RecordingMode.BeforeAnswer, Action<EsperApiOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        // The per-key rate limit stays on (its store call is part of the real path) but far above the bench's rate.
        services.AddEsperApi(o =>
        {
            o.RateLimitPerMinute = 100_000_000;
            o.Recording = recording;
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        var adminKey = "esk_default_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await EsperBootstrap.EnsureDefaultTenantAsync(provider, adminKey);
        var host = new BenchHost(provider, provider.GetRequiredService<IApiHandler>(), adminKey);
        host.RuntimeKey = await new TenantSetup(host.PostAsync).ApplyAsync(tenant);
        return host;
    }

    public async Task<(int Status, string Body)> PostAsync(string path, string json) => await SendAsync("POST", path, json);

    public async Task<(int Status, string Body)> SendAsync(string method, string path, string? json = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var response = await Handler.HandleAsync(new ApiRequest
        {
            Method = method,
            Path = path,
            Query = query ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["x-esper-api-key"] = AdminKey,
                ["content-type"] = "application/json",
            },
            Body = json is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(json),
        });
        return (response.StatusCode, Encoding.UTF8.GetString(response.Body.Span));
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
