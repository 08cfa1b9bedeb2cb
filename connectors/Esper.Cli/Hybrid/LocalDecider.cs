using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esper.Api.Http;

namespace Esper.Cli.Hybrid;

/// <summary>
/// One local decision: the shared handler answers it over the embedded store, then the event (with an idempotency
/// key, so origin counts it once however often it is re-sent) goes on the forward queue. The decision endpoint and
/// the enforcing proxy both decide through here.
/// </summary>
internal sealed class LocalDecider(IApiHandler handler, ForwardQueue queue, HybridStats stats)
{
    private const int MaxBody = 1024 * 1024;

    public async Task<ApiResponse> DecideAsync(byte[] body, IReadOnlyDictionary<string, string> headers, string? remoteIp, CancellationToken cancellationToken)
    {
        var forwarded = body.Length <= MaxBody ? WithIdempotencyKey(body) : null;
        var response = await handler.HandleAsync(new ApiRequest
        {
            Method = "POST",
            Path = "/api/v1/runtime/mitigation",
            Headers = headers,
            Body = forwarded is null ? body : Encoding.UTF8.GetBytes(forwarded),
            RemoteIp = remoteIp,
        }, cancellationToken).ConfigureAwait(false);

        var queued = response.StatusCode == 200 && forwarded is not null && queue.TryEnqueue(forwarded);
        stats.Decided(queued);
        return response;
    }

    private static string? WithIdempotencyKey(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root)
            {
                return null;
            }

            if (root["idempotency_key"] is null)
            {
                root["idempotency_key"] = "hyb_" + Guid.NewGuid().ToString("n");
            }

            return root.ToJsonString();
        }
        catch (JsonException)
        {
            // The shared handler answers the malformed body with its problem+json.
            return null;
        }
    }
}
