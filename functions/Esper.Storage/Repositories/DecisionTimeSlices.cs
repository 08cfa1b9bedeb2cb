using System.Globalization;
using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Reads a time range of decision records with prefix queries only, so every store can serve it. Sort keys start
/// with the time in milliseconds as 13 fixed-width digits, so the records of a slice of 10^e milliseconds aligned on
/// a multiple of 10^e share their first 13 − e characters. A read takes the largest aligned slice that fits the
/// range, asks for one record more than it has room for, and steps down to a slice ten times smaller when the slice
/// holds too many; after a slice that fit it tries one ten times larger. Empty stretches are crossed in few queries
/// and a chunk never holds many more records than asked for.
/// </summary>
internal static class DecisionTimeSlices
{
    /// <summary>The largest slice: 10^12 ms (about 31 years).</summary>
    public const int MaxExponent = 12;

    /// <summary>Most queries one read makes before it returns what it has.</summary>
    private const int MaxQueries = 48;

    private const int Digits = 13;

    public static async ValueTask<DecisionChunk> ReadAsync(IKeyValueStore store, string partition, DecisionCursor cursor, long endMs, int maxRecords, CancellationToken cancellationToken)
    {
        var (items, next, done) = await ReadItemsAsync(store, partition, cursor, endMs, maxRecords, cancellationToken).ConfigureAwait(false);
        var records = new List<DecisionRecord>(items.Count);
        foreach (var item in items)
        {
            records.Add(JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.DecisionRecord)!);
        }

        return new DecisionChunk(records, next, done);
    }

    /// <summary>
    /// The items of a time-keyed partition (any partition whose sort keys are <see cref="StorageKeys.TimeSortKey"/>)
    /// from <paramref name="cursor"/> up to <paramref name="endMs"/> (exclusive), as <see cref="ReadAsync"/> reads
    /// records: the items, the cursor after them (every item before it was returned) and whether it reached the end.
    /// </summary>
    public static async ValueTask<(List<StoredItem> Items, DecisionCursor Next, bool Done)> ReadItemsAsync(IKeyValueStore store, string partition, DecisionCursor cursor, long endMs, int maxRecords, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var records = new List<StoredItem>();
        var next = cursor.NextMs;
        var exponent = Math.Clamp(cursor.Exponent, 0, MaxExponent);
        for (var queries = 0; next < endMs && queries < MaxQueries && records.Count < maxRecords; queries++)
        {
            exponent = Math.Min(exponent, Largest(next, endMs));
            var room = maxRecords - records.Count;
            var limit = exponent == 0 ? (int?)null : room + 1;
            var items = await store.QueryAsync(partition, Prefix(next, exponent), new QueryOptions(limit), cancellationToken).ConfigureAwait(false);
            if (items.Count > room && exponent > 0)
            {
                if (records.Count > 0)
                {
                    // The next read starts with a full chunk of room at this size.
                    break;
                }

                exponent--;
                continue;
            }

            records.AddRange(items);
            next += Pow10(exponent);
            exponent = Math.Min(exponent + 1, MaxExponent);
        }

        return (records, new DecisionCursor(next, exponent), next >= endMs);
    }

    /// <summary>The largest e whose slice starts at <paramref name="from"/> (aligned) and ends by <paramref name="endMs"/>.</summary>
    private static int Largest(long from, long endMs)
    {
        var exponent = 0;
        while (exponent < MaxExponent && from % Pow10(exponent + 1) == 0 && from + Pow10(exponent + 1) <= endMs)
        {
            exponent++;
        }

        return exponent;
    }

    private static string Prefix(long from, int exponent) =>
        from.ToString("D13", CultureInfo.InvariantCulture)[..(Digits - exponent)];

    private static long Pow10(int exponent)
    {
        var value = 1L;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
