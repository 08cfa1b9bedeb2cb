using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace Esper.Client.Http;

/// <summary>The two HTTP clients: each a Refit client over one factory client with its own resilience pipeline.</summary>
internal static class EsperHttpPipelines
{
    private const string ProofPath = "/api/v1/challenge/proof/verify";

    public static void AddRuntime(IServiceCollection services)
    {
        services.AddRefitGeneratedClient<IEsperRuntimeApi>(EsperJsonContext.Default, static _ => Settings(), EsperHttpClients.Runtime)
            .ConfigureHttpClient(static (sp, http) => Configure(sp, http))
            .AddHttpMessageHandler<EsperApiKeyHandler>()
            .AddStandardResilienceHandler()
            .Configure(static (HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                var options = sp.GetRequiredService<IOptions<EsperClientOptions>>().Value;
                o.AttemptTimeout.Timeout = options.AttemptTimeout;
                o.TotalRequestTimeout.Timeout = options.DecisionTimeout;
                o.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
                o.Retry.BackoffType = DelayBackoffType.Exponential;
                o.Retry.UseJitter = true;
                o.Retry.Delay = TimeSpan.FromMilliseconds(20);
                var transient = o.Retry.ShouldHandle;
                var retries = options.MaxRetries;

                // Decisions and beacons carry an idempotency key, so a retry is counted once; a proof is single-use.
                o.Retry.ShouldHandle = args =>
                    retries == 0 || args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath == ProofPath
                        ? PredicateResult.False()
                        : transient(args);
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.MinimumThroughput = 10;
                o.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * options.AttemptTimeout);
                o.CircuitBreaker.BreakDuration = options.BreakDuration;
            });
    }

    public static void AddControl(IServiceCollection services)
    {
        services.AddRefitGeneratedClient<IEsperControlApi>(EsperJsonContext.Default, static _ => Settings(), EsperHttpClients.Control)
            .ConfigureHttpClient(static (sp, http) => Configure(sp, http))
            .AddHttpMessageHandler<EsperApiKeyHandler>()
            .AddStandardResilienceHandler()
            .Configure(static (HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                var options = sp.GetRequiredService<IOptions<EsperClientOptions>>().Value;
                o.TotalRequestTimeout.Timeout = options.ControlTimeout;
                o.AttemptTimeout.Timeout = options.ControlTimeout / 3;
                o.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
                o.Retry.DisableForUnsafeHttpMethods();
                o.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * o.AttemptTimeout.Timeout);
            });
    }

    private static void Configure(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<EsperClientOptions>>().Value;
        http.BaseAddress = options.ApiUrl;

        // The resilience pipeline owns every timeout.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static RefitSettings Settings() => new(new SystemTextJsonContentSerializer(EsperJsonContext.Default.Options))
    {
        ExceptionFactory = static async response => response.IsSuccessStatusCode ? null : await ProblemReader.ReadAsync(response).ConfigureAwait(false),
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
