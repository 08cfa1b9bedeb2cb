using System.Text.Json;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Decision records: one in the tenant's partition (with the event and the clauses that fired, so it also answers a
/// look-up by id) and one in each matched policy's partition (for "recent decisions of a policy" without scanning),
/// written with one batch and kept for the retention period.
/// </summary>
public sealed class DecisionRepository(IKeyValueStore store)
{
    /// <summary>Header names whose values are never kept in a decision's detail.</summary>
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-esper-api-key", "x-api-key",
    };

    /// <summary>
    /// Most characters of the tenant's copy of a record: well inside DynamoDB's 400 KB item. A record whose event would
    /// make it longer is stored without the event (<see cref="DecisionRecord.EventOmitted"/>), and a replay counts it failed.
    /// </summary>
    public const int MaxDocumentChars = DecisionJournalRepository.MaxDocumentChars;

    /// <summary>
    /// Adds the write items of one decision to <paramref name="batch"/>. The tenant's copy keeps the event as received
    /// (for replay jobs) and, when <paramref name="matches"/> are given, the clauses that fired: that copy is also how
    /// the decision is read by id (<see cref="GetAsync"/>, the detail built on read). The copies in the matched
    /// policies' partitions leave both out. The tenant's copy is the first item added, so a writer can hold it back and
    /// write it last (it is what <see cref="ExistsAsync"/> finds).
    /// </summary>
    public static void AddTo(List<BatchItem> batch, string tenantId, DecisionRecord record, DateTimeOffset expiresAt, IReadOnlyList<DecisionMatchRecord>? matches = null)
    {
        var ev = record.Event;
        var bare = ev is null ? record : record with { Event = null };
        var policyIds = record.MatchedPolicyIds;
        // An id whose time is not the record's (older random ids, kept by journal entries made before records carried
        // their matches) cannot lead a look-up to the record: its detail stays an item of its own.
        var foundById = DecisionIds.TryGetTime(record.DecisionId, out var idTime) && idTime.ToUnixTimeMilliseconds() == record.DecidedAt.ToUnixTimeMilliseconds();
        var (json, withoutEvent) = DecisionDocuments.Write(bare, ev, foundById ? matches : null, withoutEvent: policyIds.Count > 0);
        var detail = matches is null || foundById ? null : new DecisionDetail(bare, matches, ev is null ? null : Redact(ev));
        if (json.Length > MaxDocumentChars)
        {
            // As the record was before it carried its matches: with the event when that fits, and the detail (with the
            // redacted event when that fits) as an item of its own.
            json = DecisionDocuments.Write(bare, ev, null, withoutEvent: false).TenantCopy;
            if (json.Length > MaxDocumentChars)
            {
                json = DecisionDocuments.Write(bare with { EventOmitted = true }, null, null, withoutEvent: false).TenantCopy;
            }

            detail = matches is null ? null : new DecisionDetail(bare, matches, ev is null ? null : Redact(ev));
        }

        var sortKey = StorageKeys.TimeSortKey(record.DecidedAt, record.DecisionId);
        batch.Add(new BatchItem(new ItemKey(StorageKeys.DecisionPartition(tenantId), sortKey), json, expiresAt));
        for (var i = 0; i < policyIds.Count; i++)
        {
            if (IndexOf(policyIds, policyIds[i]) == i)
            {
                batch.Add(new BatchItem(new ItemKey(StorageKeys.PolicyDecisionPartition(tenantId, policyIds[i]), sortKey), withoutEvent!, expiresAt));
            }
        }

        if (detail is not null)
        {
            var detailJson = JsonSerializer.Serialize(detail, StorageJsonContext.Default.DecisionDetail);
            if (detailJson.Length > DecisionJournalRepository.MaxDocumentChars)
            {
                // Keep every store's item limit: an event this large is looked up without its request data.
                detailJson = JsonSerializer.Serialize(detail with { Event = null }, StorageJsonContext.Default.DecisionDetail);
            }

            batch.Add(new BatchItem(StorageKeys.DecisionById(tenantId, record.DecisionId), detailJson, expiresAt));
        }
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
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

    /// <summary>
    /// One decision's detail by its id; null when unknown or past the retention period. A time-ordered id names its
    /// tenant record's key, whose matches and event make the detail; a record written without its matches (before
    /// records carried them, or with an event too large to keep both) has the detail as an item of its own.
    /// </summary>
    public async ValueTask<DecisionDetail?> GetAsync(string tenantId, string decisionId, CancellationToken cancellationToken = default)
    {
        if (DecisionIds.TryGetTime(decisionId, out var decidedAt))
        {
            var record = await store.GetAsync(new ItemKey(StorageKeys.DecisionPartition(tenantId), StorageKeys.TimeSortKey(decidedAt, decisionId)), cancellationToken).ConfigureAwait(false);
            if (record is not null && DecisionDocuments.ReadMatches(record.Document) is { } matches)
            {
                var full = JsonSerializer.Deserialize(record.Document, StorageJsonContext.Default.DecisionRecord)!;
                return new DecisionDetail(full with { Event = null }, matches, full.Event is { } ev ? Redact(ev) : null);
            }
        }

        var item = await store.GetAsync(StorageKeys.DecisionById(tenantId, decisionId), cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.DecisionDetail);
    }

    /// <summary>
    /// The event as a decision's detail keeps it: credentials and cookie values are replaced by <c>[redacted]</c>
    /// and the body is left out (it may hold a password); the decision itself saw all of them.
    /// </summary>
    public static RuntimeEvent Redact(RuntimeEvent ev) => new()
    {
        ObservedAt = ev.ObservedAt,
        IdempotencyKey = ev.IdempotencyKey,
        Source = ev.Source,
        ReturnUrl = ev.ReturnUrl,
        Method = ev.Method,
        Path = ev.Path,
        ClientIp = ev.ClientIp,
        UserAgent = ev.UserAgent,
        Headers = ev.Headers.ToDictionary(static h => h.Key, static h => SecretHeaders.Contains(h.Key) ? Redacted : h.Value, StringComparer.Ordinal),
        QueryParams = ev.QueryParams,
        Cookies = ev.Cookies.ToDictionary(static c => c.Key, static _ => Redacted, StringComparer.Ordinal),
        RouteParams = ev.RouteParams,
        Fields = ev.Fields,
    };

    private const string Redacted = "[redacted]";

    /// <summary>True when the tenant's record of this decision is stored.</summary>
    public async ValueTask<bool> ExistsAsync(string tenantId, DateTimeOffset decidedAt, string decisionId, CancellationToken cancellationToken = default) =>
        await store.GetAsync(new ItemKey(StorageKeys.DecisionPartition(tenantId), StorageKeys.TimeSortKey(decidedAt, decisionId)), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// The ids of the decisions made from <paramref name="fromMs"/> up to <paramref name="endMs"/> (unix milliseconds,
    /// end exclusive) whose tenant record is stored: what <see cref="ExistsAsync"/> answers for each, read as a time
    /// range (one query per slice, not one read per decision) and taken from the sort keys without parsing records.
    /// </summary>
    public async ValueTask<IReadOnlySet<string>> RecordedIdsAsync(string tenantId, long fromMs, long endMs, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cursor = new DecisionCursor(fromMs, DecisionTimeSlices.MaxExponent);
        while (cursor.NextMs < endMs)
        {
            var (items, next, _) = await DecisionTimeSlices.ReadItemsAsync(store, StorageKeys.DecisionPartition(tenantId), cursor, endMs, RecordedIdsPage, cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                ids.Add(StorageKeys.TimeSortKeyId(item.Key.SortKey));
            }

            cursor = next;
        }

        return ids;
    }

    private const int RecordedIdsPage = 1000;

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
