using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// The decision journal: one item per decision answered before its records were written, put in the same parallel
/// round as the decision's counter updates and deleted once the records are written. An entry that outlives its
/// grace period marks a decision whose process died in between; recovery re-derives its records from the entry.
/// </summary>
public sealed class DecisionJournalRepository(IKeyValueStore store)
{
    /// <summary>
    /// Most characters of an entry's document: well inside DynamoDB's 400 KB item even for non-ASCII text. A decision
    /// whose event is larger is recorded before it is answered instead.
    /// </summary>
    public const int MaxDocumentChars = 100_000;

    /// <summary>The entry's document, or null when it is longer than <see cref="MaxDocumentChars"/>.</summary>
    public static string? Serialize(JournalEntry entry)
    {
        var json = JsonSerializer.Serialize(entry, StorageJsonContext.Default.JournalEntry);
        return json.Length <= MaxDocumentChars ? json : null;
    }

    /// <summary>Writes an entry's document (from <see cref="Serialize"/>); it expires at <paramref name="expiresAt"/> if nothing recovers it first.</summary>
    public async ValueTask WriteAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, string document, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        await store.PutAsync(Key(tenantId, decidedAt, decisionId), document, WriteCondition.None, expiresAt, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes the entry of a decision whose records are written.</summary>
    public async ValueTask RemoveAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(Key(tenantId, decidedAt, decisionId), null, cancellationToken).ConfigureAwait(false);

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
