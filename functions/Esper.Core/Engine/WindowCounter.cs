using System.Globalization;

namespace Esper.Core.Engine;

/// <summary>Sums a window's live buckets from a counter item.</summary>
internal static class WindowCounter
{
    public static long Count(IReadOnlyDictionary<string, long> counters, WindowSpec window, long nowUnix)
    {
        var first = window.FirstLiveBucket(nowUnix);
        var last = window.Bucket(nowUnix);
        var sum = 0L;
        if (counters is Dictionary<string, long> dictionary)
        {
            // The concrete type enumerates without allocating.
            foreach (var (name, value) in dictionary)
            {
                sum += Live(name, value, window.CounterPrefix, first, last);
            }
        }
        else
        {
            foreach (var (name, value) in counters)
            {
                sum += Live(name, value, window.CounterPrefix, first, last);
            }
        }

        return sum;
    }

    /// <summary>The bucket number of a window counter, or null when the name is not one of <paramref name="prefix"/>.</summary>
    public static long? BucketOf(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bucket)
            ? bucket
            : null;

    private static long Live(string name, long value, string prefix, long first, long last) =>
        BucketOf(name, prefix) is { } bucket && bucket >= first && bucket <= last ? value : 0;
}
