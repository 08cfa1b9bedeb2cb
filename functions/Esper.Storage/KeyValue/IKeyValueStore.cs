namespace Esper.Storage.KeyValue;

/// <summary>
/// The partitioned key-value store every Esper backend implements (SQLite, DynamoDB, Azure Tables).
/// Items are addressed by (partition key, sort key); the tenant id always leads the partition key.
/// </summary>
/// <remarks>
/// Contract, pinned by the shared contract suite in tests/Esper.Storage.ContractTests (KeyValueStoreContract):
/// <list type="bullet">
/// <item>Expected outcomes (not found, version conflict, already exists) are values, never exceptions.</item>
/// <item>An item whose <see cref="StoredItem.ExpiresAt"/> is at or before the store's clock is invisible to every
/// read and query, and counts as absent for conditional writes, even before the backend deletes it.</item>
/// <item>A document item and a counter item never share a key: counters live in their own items.</item>
/// <item>No operation spans more than one item atomically; there are no transactions.</item>
/// </list>
/// </remarks>
public interface IKeyValueStore
{
    /// <summary>Reads one document item, or null when it is absent or expired.</summary>
    ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the live document items of one partition whose sort key starts with <paramref name="sortKeyPrefix"/>
    /// (empty: the whole partition), in sort-key order. The limit counts live items only; counter items are never returned.
    /// </summary>
    ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one whole document item (document and expiry both replaced) under a condition; the new version is
    /// returned on success. Versions change on every write and never repeat for a key.
    /// </summary>
    ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes one document item, optionally only when its version equals <paramref name="expectedVersion"/>.</summary>
    ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically applies <paramref name="update"/> to the counter item at <paramref name="key"/> (creating it when absent)
    /// and returns every counter of the item after the update. One call is one round trip. An expired counter item
    /// counts as absent: the update starts a fresh item (counters from zero, no expiry unless the update sets one).
    /// Throws <see cref="ArgumentException"/> when <see cref="CounterUpdate.Validate"/> does.
    /// </summary>
    ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Reads every counter of a counter item (empty when absent or expired).</summary>
    ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default);

    /// <summary>Unconditionally writes many document items, split into backend-sized batches; every item is written when this returns.</summary>
    ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the backend removes expired items itself without billing a write (DynamoDB's TTL), so an item no longer
    /// needed costs less left to its expiry than deleted. Default false: deleting is cheap (SQLite) or the backend
    /// keeps expired items until something deletes them (Azure Tables).
    /// </summary>
    bool RemovesExpiredItemsFreely => false;

    /// <summary>Checks that the backend answers (used by readiness probes).</summary>
    ValueTask<bool> PingAsync(CancellationToken cancellationToken = default);
}
