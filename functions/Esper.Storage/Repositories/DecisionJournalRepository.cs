using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// The decision journal: one item per decision answered before its records were written, put in the same parallel
/// round as the decision's counter updates. Once the records are written the entry is done: deleted, or, on a store
/// whose expiry is free (<see cref="IKeyValueStore.RemovesExpiredItemsFreely"/>, DynamoDB), left to expire, because a
/// delete is billed like a write. An entry that outlives its grace period without its decision's record marks a
/// decision whose process died in between; recovery re-derives its records from the entry. Recovery reads the journal
/// as a time range from a watermark (<see cref="ReadAsync"/>), so entries left to expire are read about once.
/// </summary>
public sealed class DecisionJournalRepository(IKeyValueStore store)
{
    /// <summary>
    /// Most characters of an entry's document: well inside DynamoDB's 400 KB item even for non-ASCII text. A decision
    /// whose event is larger is recorded before it is answered instead.
    /// </summary>
    public const int MaxDocumentChars = 100_000;

    private const string WatermarkCounter = "ms";

    /// <summary>True when entries whose decisions are recorded stay until they expire instead of being deleted.</summary>
    public bool LeavesDoneEntriesToExpire => store.RemovesExpiredItemsFreely;

    /// <summary>The entry's document, or null when it is longer than <see cref="MaxDocumentChars"/>.</summary>
    public static string? Serialize(JournalEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, StorageJsonContext.Default.JournalEntry);
        return json.Length <= MaxDocumentChars ? json : null;
    }

    /// <summary>Writes an entry's document (from <see cref="Serialize"/>); it expires at <paramref name="expiresAt"/>.</summary>
    public async ValueTask WriteAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, string document, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        await store.PutAsync(Key(tenantId, decidedAt, decisionId), document, WriteCondition.None, expiresAt, cancellationToken).ConfigureAwait(false);

    /// <summary>Marks the entry of a decision whose records are written as done: deleted, unless <see cref="LeavesDoneEntriesToExpire"/>.</summary>
    public ValueTask CompleteAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, CancellationToken cancellationToken = default) =>
        LeavesDoneEntriesToExpire ? ValueTask.CompletedTask : RemoveAsync(tenantId, decidedAt, decisionId, cancellationToken);

    /// <summary>Deletes an entry whatever the store: for a decision that was not admitted, which recovery must never record.</summary>
    public async ValueTask RemoveAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(Key(tenantId, decidedAt, decisionId), null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The entries of decisions made from <paramref name="cursor"/> up to <paramref name="end"/> (exclusive), oldest
    /// first: about <paramref name="maxEntries"/> of them, the cursor after them and whether the range is done.
    /// </summary>
    public async ValueTask<(IReadOnlyList<JournalEntry> Entries, DecisionCursor Next, bool Done)> ReadAsync(string tenantId, DecisionCursor cursor, DateTimeOffset end, int maxEntries, CancellationToken cancellationToken = default)
    {
        var (items, next, done) = await DecisionTimeSlices.ReadItemsAsync(store, StorageKeys.JournalPartition(tenantId), cursor, end.ToUnixTimeMilliseconds(), maxEntries, cancellationToken).ConfigureAwait(false);
        return ([.. items.Select(static i => JsonSerializer.Deserialize(i.Document, StorageJsonContext.Default.JournalEntry)!)], next, done);
    }

    /// <summary>The unix millisecond before which every entry of the tenant is recorded or recovered; null before the first sweep.</summary>
    public async ValueTask<long?> WatermarkAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var counters = await store.GetCountersAsync(StorageKeys.JournalWatermark(tenantId), cancellationToken).ConfigureAwait(false);
        return counters.TryGetValue(WatermarkCounter, out var ms) ? ms : null;
    }

    /// <summary>
    /// Moves the watermark to <paramref name="ms"/>. Last writer wins: two sweeps may set it out of order, which only
    /// makes a later sweep read again what was already checked, since each sets only the end of a range it checked.
    /// </summary>
    public async ValueTask SetWatermarkAsync(string tenantId, long ms, CancellationToken cancellationToken = default) =>
        await store.UpdateCountersAsync(StorageKeys.JournalWatermark(tenantId), new CounterUpdate { Set = new Dictionary<string, long> { [WatermarkCounter] = ms } }, cancellationToken).ConfigureAwait(false);

    /// <summary>The oldest entries (at most <paramref name="limit"/>) of decisions made before <paramref name="before"/>, oldest first.</summary>
    public async ValueTask<IReadOnlyList<JournalEntry>> OlderThanAsync(string tenantId, DateTimeOffset before, int limit, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.JournalPartition(tenantId), "", new QueryOptions(limit), cancellationToken).ConfigureAwait(false);
        var entries = new List<JournalEntry>(items.Count);
        foreach (var item in items)
        {
            var entry = JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.JournalEntry)!;
            if (entry.DecidedAt >= before)
            {
                // Sort keys are time-ordered: every later entry is younger still.
                break;
            }

            entries.Add(entry);
        }

        return entries;
    }

    private static ItemKey Key(string tenantId, DateTimeOffset decidedAt, string decisionId) =>
        new(StorageKeys.JournalPartition(tenantId), StorageKeys.TimeSortKey(decidedAt, decisionId));
}
