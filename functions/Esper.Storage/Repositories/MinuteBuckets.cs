using System.Globalization;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Per-minute counters kept in one counter item per hour and shard: a decision adds to <c>m{minute}_{name}</c> of its
/// hour's item in the shard it picked, and a read adds up the shards of every hour it covers. The items expire after
/// <see cref="Retention"/>, so the counters never grow without bound and no read ever scans decision records.
/// </summary>
internal static class MinuteBuckets
{
    /// <summary>How long the per-minute counters are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static long Hour(DateTimeOffset at) => at.ToUnixTimeSeconds() / 3600;

    /// <summary>The update adding one to each of <paramref name="names"/> in the minute of <paramref name="at"/>.</summary>
    public static CounterUpdate Add(DateTimeOffset at, IEnumerable<string> names)
    {
        var minute = (at.ToUnixTimeSeconds() / 60 % 60).ToString("D2", CultureInfo.InvariantCulture);
        return new CounterUpdate
        {
            Add = names.ToDictionary(n => $"m{minute}_{n}", static _ => 1L, StringComparer.Ordinal),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((Hour(at) + 1) * 3600) + Retention,
        };
    }

    /// <summary>Every minute from <paramref name="from"/> (rounded down) until <paramref name="to"/>, each with its counters summed over the shards.</summary>
    public static async ValueTask<IReadOnlyList<MinuteCounts>> ReadAsync(IKeyValueStore store, Func<int, long, ItemKey> key, int shards, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var firstMinute = from.ToUnixTimeSeconds() / 60;
        var lastMinute = Math.Max(firstMinute, (to.ToUnixTimeSeconds() - 1) / 60);
        var firstHour = firstMinute / 60;
        var lastHour = lastMinute / 60;
        var reads = new List<(long Hour, Task<IReadOnlyDictionary<string, long>> Read)>();
        for (var hour = firstHour; hour <= lastHour; hour++)
        {
            for (var shard = 0; shard < shards; shard++)
            {
                reads.Add((hour, store.GetCountersAsync(key(shard, hour), cancellationToken).AsTask()));
            }
        }

        await Task.WhenAll(reads.Select(static r => r.Read)).ConfigureAwait(false);
        var sums = new Dictionary<long, Dictionary<string, long>>();
        foreach (var (hour, read) in reads)
        {
            foreach (var (name, value) in read.Result)
            {
                // m{minute}_{counter}
                if (name.Length < 5 || name[0] != 'm' || name[3] != '_' || !int.TryParse(name.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
                {
                    continue;
                }

                var at = (hour * 60) + minute;
                if (!sums.TryGetValue(at, out var counts))
                {
                    sums[at] = counts = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                counts[name[4..]] = counts.GetValueOrDefault(name[4..]) + value;
            }
        }

        var minutes = new List<MinuteCounts>((int)(lastMinute - firstMinute + 1));
        for (var m = firstMinute; m <= lastMinute; m++)
        {
            minutes.Add(new MinuteCounts(DateTimeOffset.FromUnixTimeSeconds(m * 60), sums.TryGetValue(m, out var c) ? c : new Dictionary<string, long>()));
        }

        return minutes;
    }
}
