using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.KeyValue;

namespace Esper.Api.Health;

/// <summary><c>/healthz</c> answers while the process runs; <c>/readyz</c> only while the store answers.</summary>
internal sealed class HealthEndpoints(IKeyValueStore store) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("Health", Access.Public, static (_, _) => ValueTask.FromResult(JsonResponses.Create(200, new HealthView("ok"), ReadableJson.Api.HealthView))),
        new("Ready", Access.Public, ReadyAsync),
    ];

    private async ValueTask<ApiResponse> ReadyAsync(ApiCall call, CancellationToken cancellationToken)
    {
        bool reachable;
        try
        {
            reachable = await store.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A store that throws on ping is as unreachable as one that says no.
            reachable = false;
        }

        return reachable
            ? JsonResponses.Create(200, new HealthView("ready"), ReadableJson.Api.HealthView)
            : Problems.Create(503, "store-unavailable", "The store is not reachable.");
    }
}
