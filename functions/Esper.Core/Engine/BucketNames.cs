using System.Globalization;

namespace Esper.Core.Engine;

/// <summary>
/// The counter names of one window's buckets around now. Every decision that counts on a window names the same
/// few buckets until time moves past them, so the names are built once per bucket instead of once per decision.
/// Safe to share between threads: a slot holds a name or null, and a lost race only builds a name twice.
/// </summary>
internal sealed class BucketNames(string prefix)
{
    /// <summary>
    /// Buckets kept per span. A window has at most 31 live buckets, and a decision names its current bucket and the
    /// two stale ones just before the first live one: a span starting 64 before the first bucket asked for holds
    /// all of them whichever is asked first, with room for time to move on.
    /// </summary>
    private const int SpanLength = 128;

    private Span? _span;

    public string Get(long bucket)
    {
        var span = Volatile.Read(ref _span);
        if (span is null || (ulong)(bucket - span.First) >= SpanLength)
        {
            // Old buckets (a decision made at an earlier time, as replay does) start a new span around them.
            span = new Span(bucket - 64);
            Volatile.Write(ref _span, span);
        }

        var slot = (int)(bucket - span.First);
        return Volatile.Read(ref span.Names[slot]) ?? (span.Names[slot] = Format(bucket));
    }

    private string Format(long bucket) => prefix + bucket.ToString(CultureInfo.InvariantCulture);

    private sealed class Span(long first)
    {
        public long First { get; } = first;

        public string?[] Names { get; } = new string?[SpanLength];
    }
}
