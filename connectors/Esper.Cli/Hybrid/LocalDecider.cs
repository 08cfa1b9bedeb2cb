using Esper.Api.Http;

namespace Esper.Cli.Hybrid;

/// <summary>
/// One local decision: the shared handler answers it over the embedded store, then the event (with an idempotency
/// key, so origin counts it once however often it is re-sent) goes on the forward queue before the answer is
/// returned. The handler and the queue share one buffer: the body is neither parsed into a tree nor serialised again
/// here (<see cref="EventLine"/>). The decision endpoint and the enforcing proxy both decide through here.
/// </summary>
internal sealed class LocalDecider(IApiHandler handler, ForwardQueue queue, HybridStats stats)
{
    private const int MaxBody = 1024 * 1024;

    public async Task<ApiResponse> DecideAsync(byte[] body, IReadOnlyDictionary<string, string> headers, string? remoteIp, CancellationToken cancellationToken)
    {
        var line = body.Length <= MaxBody ? EventLine.Of(body) : null;
        var response = await handler.HandleAsync(new ApiRequest
        {
            Method = "POST",
            Path = "/api/v1/runtime/mitigation",
            Headers = headers,
            // The handler gets the body as sent: a key the daemon made up would only cost a local idempotency write
            // (every proxied request would pay it). Origin gets the line, whose key makes re-sends count once.
            Body = body,
            RemoteIp = remoteIp,
        }, cancellationToken).ConfigureAwait(false);

        // Only answered decisions are events: a refused request (401, 400, 413…) is neither counted nor forwarded.
        if (response.StatusCode != 200)
        {
            stats.Refused();
            return response;
        }

        var queued = line is not null && await queue.EnqueueAsync(line).ConfigureAwait(false);
        stats.Decided(queued);
        return response;
    }
}
