using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Host.Tests.Support;

/// <summary>The real host on a free loopback port (Kestrel, real socket) over a fresh SQLite file, on a fake clock.</summary>
internal sealed class EsperHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "esk_default_hosttestadminkey";
    public const string OperatorToken = "operator-test-token";

    private readonly int _rateLimit;
    private readonly bool _operator;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _services;

    private EsperHost(string dataDir, int rateLimit, bool withOperator, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services)
    {
        DataDir = dataDir;
        _rateLimit = rateLimit;
        _operator = withOperator;
        _settings = settings;
        _services = services;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero));

    public string DataDir { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>
    /// Starts a host; <paramref name="dataDir"/> reuses a data directory (restart checks), <paramref name="settings"/>
    /// adds host settings (e.g. ESPER_STORE and a cloud store's variables) and <paramref name="services"/> changes
    /// registrations after the host's own.
    /// </summary>
    public static EsperHost Start(int rateLimit = 0, bool withOperator = true, string? dataDir = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = new EsperHost(dataDir ?? TempDir.Create(), rateLimit, withOperator, settings, services);
        // An explicit loopback listener on a free port: UseKestrel(0) rewrites the server's addresses after the app
        // has started binding, a race the framework can lose ("Addresses cannot be modified after the server has
        // started", dotnet/aspnetcore#67714).
        host.UseKestrel(static options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        return host;
    }

    public EsperClient Client(string? key = AdminKey) => new(CreateClient(), key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ESPER_DATA_DIR", DataDir);
        builder.UseSetting("ESPER_BOOTSTRAP_ADMIN_KEY", AdminKey);
        builder.UseSetting("ESPER_RATE_LIMIT_PER_MINUTE", _rateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_operator)
        {
            builder.UseSetting("ESPER_OPERATOR_TOKEN", OperatorToken);
        }

        foreach (var (name, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }
}
