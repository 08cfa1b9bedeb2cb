using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The daemon's HTTP surface: the runtime decision endpoint with the cloud's contract (answered by the shared
/// handler over the embedded store, then queued for origin), <c>/healthz</c>, <c>/readyz</c> (ready once a config is
/// loaded) and <c>/stats</c>.
/// </summary>
internal static class DaemonEndpoints
{
    public static void MapDaemon(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/runtime/mitigation", DecideAsync);
        app.MapGet("/healthz", static () => Results.Json(new JsonObject { ["status"] = "ok" }));
        app.MapGet("/readyz", static (HybridStats stats) => stats.ConfigVersion is null
            ? Results.Json(new JsonObject { ["status"] = "not_ready", ["reason"] = "no config loaded yet: origin unreachable and nothing cached" }, statusCode: 503)
            : Results.Json(new JsonObject { ["status"] = "ready", ["config_version"] = stats.ConfigVersion }));
        app.MapGet("/stats", static (HybridStats stats, ForwardQueue queue) => Results.Json(StatsJson(stats, queue)));
    }

    public static JsonObject StatsJson(HybridStats stats, ForwardQueue queue) => new()
    {
        ["decisions"] = stats.Decisions,
        ["refused_requests"] = stats.RefusedRequests,
        ["queued"] = stats.Queued,
        ["forwarded"] = stats.Forwarded,
        ["queue_bytes"] = queue.PendingBytes,
        ["queue_refused"] = queue.Refused,
        ["queue_writes"] = queue.WriteCalls,
        ["syncs"] = stats.Syncs,
        ["sync_failures"] = stats.SyncFailures,
        ["mitigations_applied"] = stats.MitigationsApplied,
        ["config_version"] = stats.ConfigVersion,
        ["origin_reachable"] = stats.OriginReachable,
        ["last_sync_at"] = stats.LastSyncAt?.ToString("O"),
        ["proxied"] = stats.Proxied,
        ["proxy_blocked"] = stats.ProxyBlocked,
        ["proxies"] = new JsonArray([.. stats.Proxies.Select(static p => (JsonNode)new JsonObject
        {
            ["listen"] = p.Route.ListenText,
            ["upstream"] = p.Route.Upstream.ToString(),
            ["proxied"] = p.Proxied,
            ["blocked"] = p.Blocked,
        })]),
    };

    private static async Task DecideAsync(HttpContext context, LocalDecider decider)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var response = await decider.DecideAsync(body, headers, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    // One array of the announced size when Content-Length is known (the usual case), a copy only when it is not.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length and <= 1024 * 1024)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            return body;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
