using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Decision records: one in the tenant's partition and one in each matched policy's partition (for "recent decisions
/// of a policy" without scanning), written with one batch and kept for the retention period.
/// </summary>
public sealed class DecisionRepository(IKeyValueStore store)
{
    /// <summary>
    /// Most characters of the tenant's copy of a record: well inside DynamoDB's 400 KB item. A record whose event would
    /// make it longer is stored without the event (<see cref="DecisionRecord.EventOmitted"/>), and a replay counts it failed.
    /// </summary>
    public const int MaxDocumentChars = DecisionJournalRepository.MaxDocumentChars;

    /// <summary>
    /// Adds the write items of one decision to <paramref name="batch"/>. The tenant's copy keeps the event as received
    /// (for replay jobs); the copies in the matched policies' partitions leave it out.
    /// </summary>
    public static void AddTo(List<BatchItem> batch, string tenantId, DecisionRecord record, DateTimeOffset expiresAt)
    {
        var withoutEvent = record.Event is null ? null : JsonSerializer.Serialize(record with { Event = null }, StorageJsonContext.Default.DecisionRecord);
        var json = JsonSerializer.Serialize(record, StorageJsonContext.Default.DecisionRecord);
        if (json.Length > MaxDocumentChars)
        {
            json = JsonSerializer.Serialize(record with { Event = null, EventOmitted = true }, StorageJsonContext.Default.DecisionRecord);
        }

        var sortKey = StorageKeys.TimeSortKey(record.DecidedAt, record.DecisionId);
        batch.Add(new BatchItem(new ItemKey(StorageKeys.DecisionPartition(tenantId), sortKey), json, expiresAt));
        foreach (var policyId in record.MatchedPolicyIds.Distinct(StringComparer.Ordinal))
        {
            batch.Add(new BatchItem(new ItemKey(StorageKeys.PolicyDecisionPartition(tenantId, policyId), sortKey), withoutEvent ?? json, expiresAt));
        }
    }

    /// <summary>
    /// The next records of the tenant's partition from <paramref name="cursor"/> up to <paramref name="end"/> (exclusive),
    /// in time order: about <paramref name="maxRecords"/> of them, and more only when that many share one millisecond.
    /// Built on prefix queries alone (<see cref="DecisionTimeSlices"/>), so it runs on every store.
    /// </summary>
    public ValueTask<DecisionChunk> ReadChunkAsync(string tenantId, DecisionCursor cursor, DateTimeOffset end, int maxRecords, CancellationToken cancellationToken = default) =>
        DecisionTimeSlices.ReadAsync(store, StorageKeys.DecisionPartition(tenantId), cursor, end.ToUnixTimeMilliseconds(), maxRecords, cancellationToken);

    /// <summary>Writes the batch built with <see cref="AddTo"/>.</summary>
    public ValueTask WriteAsync(IReadOnlyList<BatchItem> batch, CancellationToken cancellationToken = default) =>
        batch.Count == 0 ? ValueTask.CompletedTask : store.BatchPutAsync(batch, cancellationToken);

    /// <summary>True when the tenant's record of this decision is stored.</summary>
    public async ValueTask<bool> ExistsAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(new ItemKey(StorageKeys.DecisionPartition(tenantId), StorageKeys.TimeSortKey(decidedAt, decisionId)), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The newest decisions a policy matched, newest first.</summary>
    public async ValueTask<IReadOnlyList<DecisionRecord>> RecentForPolicyAsync(string tenantId, string policyId, int limit, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.PolicyDecisionPartition(tenantId, policyId), "", new QueryOptions(limit, Descending: true), cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => JsonSerializer.Deserialize(i.Document, StorageJsonContext.Default.DecisionRecord)!)];
    }

    /// <summary>The tenant's newest decisions, newest first.</summary>
    public async ValueTask<IReadOnlyList<DecisionRecord>> RecentAsync(string tenantId, int limit, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.DecisionPartition(tenantId), "", new QueryOptions(limit, Descending: true), cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => JsonSerializer.Deserialize(i.Document, StorageJsonContext.Default.DecisionRecord)!)];
    }
}
