using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The inline enforcement path (<c>esper run --proxy</c>): every request to the proxy's address is decided locally
/// (the same shared handler as the decision endpoint, so it is counted and forwarded to origin), then a block is
/// answered 403 here and never reaches the app; challenge and monitor are logged and forwarded, as is allow. A request
/// whose <c>X-Esper-Hybrid-Key</c> names a block origin reports active is dropped before any decision. When the local
/// decision fails the request is forwarded (fail open) and logged. Forwarding is YARP's <see cref="IHttpForwarder"/>.
/// </summary>
internal sealed partial class EnforcingProxy(
    ProxyRoute route,
    ProxyCounters counters,
    IHttpForwarder forwarder,
    LocalDecider decider,
    HybridKeyIndex hybridKeys,
    HybridStats stats,
    string apiKey,
    ILogger<EnforcingProxy> logger) : IDisposable
{
    public const string HybridKeyHeader = "X-Esper-Hybrid-Key";

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    private readonly string _upstream = route.Upstream.ToString();

    // The daemon's own key authenticates the local decision with the shared handler.
    private readonly Dictionary<string, string> _auth = new(StringComparer.OrdinalIgnoreCase) { ["x-esper-api-key"] = apiKey, ["content-type"] = "application/json" };

    public async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.Headers[HybridKeyHeader].ToString();
        if (key.Length > 0 && hybridKeys.ModeOf(key) is { } keyMode)
        {
            if (keyMode == "block")
            {
                LogKeyBlocked(logger, context.Request.Method, context.Request.Path);
                await BlockAsync(context, key).ConfigureAwait(false);
                return;
            }

            LogKeyNoted(logger, keyMode, context.Request.Method, context.Request.Path);
        }

        var response = await decider.DecideAsync(ProxyEvent.Of(context), _auth, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted).ConfigureAwait(false);
        var (action, hybridKey) = response.StatusCode == 200 ? ProxyEvent.DecisionOf(response.Body.Span) : (null, null);
        switch (action)
        {
            case "block":
                LogBlocked(logger, context.Request.Method, context.Request.Path);
                await BlockAsync(context, hybridKey).ConfigureAwait(false);
                return;
            case null:
                LogFailedOpen(logger, response.StatusCode, context.Request.Method, context.Request.Path);
                break;
            case "challenge":
                LogChallengeForwarded(logger, context.Request.Method, context.Request.Path);
                break;
        }

        stats.ProxyAnswered(counters, blocked: false);
        var error = await forwarder.SendAsync(context, _upstream, _client, ForwarderRequestConfig.Empty, HttpTransformer.Default).ConfigureAwait(false);
        if (error != ForwarderError.None)
        {
            LogUpstreamFailed(logger, error, _upstream);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task BlockAsync(HttpContext context, string? hybridKey)
    {
        stats.ProxyAnswered(counters, blocked: true);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (hybridKey is not null)
        {
            context.Response.Headers[HybridKeyHeader] = hybridKey;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Blocked by Esper.\n", context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1420, Level = LogLevel.Information, Message = "Proxy: blocked {Method} {Path} (local decision)")]
    private static partial void LogBlocked(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Proxy: blocked {Method} {Path} (X-Esper-Hybrid-Key names an active block)")]
    private static partial void LogKeyBlocked(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1422, Level = LogLevel.Information, Message = "Proxy: X-Esper-Hybrid-Key names an active {Mode}; {Method} {Path} is decided and forwarded")]
    private static partial void LogKeyNoted(ILogger logger, string mode, string method, PathString path);

    [LoggerMessage(EventId = 1423, Level = LogLevel.Information, Message = "Proxy: challenge for {Method} {Path} logged and forwarded")]
    private static partial void LogChallengeForwarded(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1424, Level = LogLevel.Warning, Message = "Proxy: the local decision answered {Status}; {Method} {Path} forwarded (fail open)")]
    private static partial void LogFailedOpen(ILogger logger, int status, string method, PathString path);

    [LoggerMessage(EventId = 1425, Level = LogLevel.Warning, Message = "Proxy: forwarding to {Upstream} failed: {Error}")]
    private static partial void LogUpstreamFailed(ILogger logger, ForwarderError error, string upstream);
}
