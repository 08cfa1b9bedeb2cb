using Esper.Api.Audit;
using Esper.Api.Auth;
using Esper.Api.Challenge;
using Esper.Api.Config;
using Esper.Api.Expressions;
using Esper.Api.Health;
using Esper.Api.Http;
using Esper.Api.Hybrid;
using Esper.Api.Keys;
using Esper.Api.Operators;
using Esper.Api.Replay;
using Esper.Api.Results;
using Esper.Api.Runtime;
using Esper.Api.Tenants;
using Esper.Storage.Faults;
using Esper.Storage.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Esper.Api;

/// <summary>Registers the shared handlers. The host registers an <c>IKeyValueStore</c> and logging; everything else is here.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IApiHandler"/> and everything behind it. Requires an <c>Esper.Storage.KeyValue.IKeyValueStore</c>
    /// singleton; uses the system clock unless a <see cref="TimeProvider"/> is registered. A second
    /// call changes nothing: the first call's options stay.
    /// </summary>
    public static IServiceCollection AddEsperApi(this IServiceCollection services, Action<EsperApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(EsperApiMarker)))
        {
            return services;
        }

        services.AddSingleton<EsperApiMarker>();
        var options = new EsperApiOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
#pragma warning disable RS0030 // A composition root: the system clock unless one is registered.
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030

        services.TryAddSingleton<TenantRepository>();
        services.TryAddSingleton<ConfigRepository>();
        services.TryAddSingleton<ApiKeyRepository>();
        services.TryAddSingleton<IdempotencyRepository>();
        services.TryAddSingleton<EntityStateRepository>();
        services.TryAddSingleton<ResultsRepository>();
        services.TryAddSingleton<DecisionRepository>();
        services.TryAddSingleton<AuditRepository>();
        services.TryAddSingleton<RateLimitRepository>();
        services.TryAddSingleton<DecisionJournalRepository>();
        services.TryAddSingleton<ReplayJobRepository>();
        services.TryAddSingleton<ReplayStateRepository>();

        services.TryAddSingleton<MembershipRepository>();
        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddSingleton(static sp => sp.GetRequiredService<EsperApiOptions>().OperatorAuth);
        services.TryAddSingleton(static sp => new JwksKeySource(
            // One long-lived client whose pooled connections are renewed, as IHttpClientFactory would.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<OperatorAuthOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<JwksKeySource>>()));
        services.TryAddSingleton<OperatorTokenValidator>();
        services.TryAddSingleton<OperatorCallers>();
        services.TryAddSingleton<RateLimiter>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<ApiKeyIssuer>();
        services.TryAddSingleton<ConfigSeeder>();
        services.TryAddSingleton<ConfigChangeSignal>();
        services.TryAddSingleton<TenantProvisioner>();
        services.TryAddSingleton<PolicySetCache>();
        services.TryAddSingleton<PendingRecordings>();
        services.TryAddSingleton<DecisionRunner>();
        services.TryAddSingleton<JournalRecovery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RecordingDrain>());
        services.TryAddSingleton<ClaimSignals>();
        services.TryAddSingleton<IdempotentDecisions>();
        services.TryAddSingleton<HybridKeys>();
        services.TryAddSingleton<ActiveMitigationFeed>();
        services.TryAddSingleton<ReplayProcessor>();

        // Endpoint modules: every route of ApiRoutes.All has one endpoint across these (the challenge module adds its own here).
        services.AddSingleton<IApiEndpointModule, HealthEndpoints>();
        services.AddSingleton<IApiEndpointModule, RuntimeEndpoints>();
        services.AddSingleton<IApiEndpointModule>(static sp => Config(sp, ResourceKinds.Actions));
        services.AddSingleton<IApiEndpointModule>(static sp => Config(sp, ResourceKinds.Entities));
        services.AddSingleton<IApiEndpointModule>(static sp =>
            Config(sp, ResourceKinds.Mitigations, m => ChallengeReadiness.Warnings(m, sp.GetRequiredService<ChallengeSettings>())));
        services.AddSingleton<IApiEndpointModule>(static sp => Config(sp, ResourceKinds.Policies));
        services.AddSingleton<IApiEndpointModule, ApiKeyEndpoints>();
        services.AddSingleton<IApiEndpointModule, TenantEndpoints>();
        services.AddSingleton<IApiEndpointModule, MembershipEndpoints>();
        services.AddSingleton<IApiEndpointModule, ResultsEndpoints>();
        services.AddSingleton<IApiEndpointModule, AuditEndpoints>();
        services.AddSingleton<IApiEndpointModule, HybridEndpoints>();
        services.AddSingleton<IApiEndpointModule, Esper.Api.Decisions.DecisionEndpoints>();
        services.AddSingleton<IApiEndpointModule, ReplayEndpoints>();
        services.AddSingleton<IApiEndpointModule, TimelineEndpoints>();
        services.AddSingleton<IApiEndpointModule, ExpressionEndpoints>();
        services.AddEsperChallenges();

        services.TryAddSingleton(StoreFaults.Generic);
        services.TryAddSingleton<StoreReadiness>();
        services.TryAddSingleton<RouteTable>();
        services.TryAddSingleton<IApiHandler, ApiHandler>();
        return services;
    }

    /// <summary>
    /// Adds the shared handlers as <paramref name="settings"/> describe them: the chosen store, the challenge settings
    /// and the handlers' options (which <paramref name="configure"/> may change further, as tests do).
    /// </summary>
    public static IServiceCollection AddEsperApi(this IServiceCollection services, EsperSettings settings, Action<EsperApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(settings.Challenge);
        settings.RegisterStore(services);
        return services.AddEsperApi(options =>
        {
            settings.ApplyTo(options);
            configure?.Invoke(options);
        });
    }

    private static ConfigEndpoints<T> Config<T>(IServiceProvider sp, ResourceKind<T> kind, Func<T, IReadOnlyList<string>>? warnings = null)
        where T : class =>
        new(kind, sp.GetRequiredService<ConfigRepository>(), sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<ConfigChangeSignal>(), sp.GetRequiredService<EsperApiOptions>(), warnings);
}
