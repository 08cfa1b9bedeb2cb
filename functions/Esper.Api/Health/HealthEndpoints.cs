using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.Faults;

namespace Esper.Api.Health;

/// <summary><c>/healthz</c> answers while the process runs; <c>/readyz</c> only while the store answers (see <see cref="StoreReadiness"/>).</summary>
internal sealed class HealthEndpoints(StoreReadiness readiness, StoreFaults faults, EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("Health", Access.Public, static (_, _) => ValueTask.FromResult(JsonResponses.Create(200, new HealthView("ok"), ReadableJson.Api.HealthView))),
        new("Ready", Access.Public, ReadyAsync),
    ];

    private async ValueTask<ApiResponse> ReadyAsync(ApiCall call, CancellationToken cancellationToken) =>
        await readiness.IsReadyAsync().WaitAsync(cancellationToken).ConfigureAwait(false)
            ? JsonResponses.Create(200, new HealthView("ready"), ReadableJson.Api.HealthView)
            : Problems.StoreUnavailable(faults.StoreName, options.StoreRetryAfter, "The store did not answer the last readiness probe, or a request met a store outage moments ago.");
}
