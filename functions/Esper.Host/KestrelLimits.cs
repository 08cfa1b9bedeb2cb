using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Esper.Host;

/// <summary>
/// Kestrel's own limits, set explicitly so the documented answers (docs/hostile-input.md) do not drift with the
/// framework's defaults. The shared handler enforces the API's limits with problem+json answers below these; Kestrel's
/// sit above them and answer with an empty body and a closed connection.
/// </summary>
internal static class KestrelLimits
{
    /// <summary>Time a client has to send the whole request line and headers: 10 seconds (Kestrel's default is 30).</summary>
    public static readonly TimeSpan RequestHeadersTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle keep-alive connection stays open: 120 seconds (above HttpClient's 60 s pool idle time).</summary>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Slowest request body accepted: 240 bytes per second on average after a 5 second grace period, else 408.</summary>
    public static readonly MinDataRate MinRequestBodyDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>Slowest reader of a response tolerated: 240 bytes per second after a 5 second grace period, else the connection closes.</summary>
    public static readonly MinDataRate MinResponseDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>Most request headers Kestrel parses before answering 431 and closing (the handler's own limit, 100, answers first).</summary>
    public const int MaxRequestHeaderCount = 1000;

    /// <summary>Longest request line (method, target, version) before Kestrel answers 414: 64 KiB (the handler refuses URLs over 8192 characters).</summary>
    public const int MaxRequestLineSize = 64 * 1024;

    /// <summary>Largest header block before Kestrel answers 431: 256 KiB (the handler refuses over 32 KiB of names and values).</summary>
    public const int MaxRequestHeadersTotalSize = 256 * 1024;

    public static void Apply(KestrelServerOptions kestrel)
    {
        // The body limit is the handler's (1 MiB by default, a 413 problem); a declared length over it is refused
        // before any byte is read, and an undeclared (chunked) body is read only up to the limit plus one byte.
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.MaxRequestHeaderCount = MaxRequestHeaderCount;
        kestrel.Limits.MaxRequestLineSize = MaxRequestLineSize;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        kestrel.Limits.RequestHeadersTimeout = RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = KeepAliveTimeout;
        kestrel.Limits.MinRequestBodyDataRate = MinRequestBodyDataRate;
        kestrel.Limits.MinResponseDataRate = MinResponseDataRate;
        kestrel.AddServerHeader = false;
    }
}
