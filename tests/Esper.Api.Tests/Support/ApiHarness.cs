using System.Text;
using System.Text.Json;
using Esper.Api.Http;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Api.Tests.Support;

/// <summary>The shared handler without any transport, over a real SQLite file, on a fake clock.</summary>
internal sealed class ApiHarness : IDisposable
{
    public const string AdminKey = "esk_default_apitestadminkey";

    private readonly ServiceProvider _services;
    private readonly SqliteKeyValueStore _sqlite;

    public ApiHarness(Action<EsperApiOptions>? configure = null, Action<IServiceCollection>? extraServices = null, string? databasePath = null)
    {
        var path = databasePath ?? NewDatabasePath();
        _sqlite = new SqliteKeyValueStore(path, Time);
        Store = new RoundTripCountingStore(_sqlite);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IKeyValueStore>(Store);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddEsperApi(configure);
        extraServices?.Invoke(services);
        _services = services.BuildServiceProvider();
        EsperBootstrap.EnsureDefaultTenantAsync(_services, AdminKey).GetAwaiter().GetResult();
        Handler = _services.GetRequiredService<IApiHandler>();
    }

    /// <summary>A database path no other harness uses; pass it to two harnesses in turn to simulate a process restart.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "esper-api-tests", Guid.NewGuid().ToString("n"), "esper.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero));

    public RoundTripCountingStore Store { get; }

    public IApiHandler Handler { get; }

    /// <summary>Waits for the store work the handler left running in the background (record writes, journal sweeps).</summary>
    public Task DrainAsync() => _services.GetRequiredService<Esper.Api.Runtime.PendingRecordings>().DrainAsync();

    public async Task<(int Status, JsonElement Body, ApiResponse Raw)> SendAsync(
        string method, string path, string? json = null, string? key = AdminKey, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (key is not null)
        {
            headers["x-esper-api-key"] = key;
        }

        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path.IndexOf('?', StringComparison.Ordinal) is var mark and >= 0)
        {
            foreach (var pair in path[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                query.TryAdd(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            }

            path = path[..mark];
        }

        var response = await Handler.HandleAsync(new ApiRequest
        {
            Method = method,
            Path = path,
            Query = query,
            Headers = headers,
            Body = json is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(json),
        });
        var body = response.Body.IsEmpty ? default : JsonDocument.Parse(response.Body).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    public void Dispose()
    {
        _services.Dispose();
        _sqlite.Dispose();
    }
}
