using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// One counter item per entity key holds its window counters and active penalties, so one update both counts the
/// event and reads back everything the engine needs (one round trip per entity key).
/// </summary>
public sealed class EntityStateRepository(IKeyValueStore store)
{
    /// <summary>The counter item of one entity key (its SHA-256 taken once, for every call of one decision to reuse).</summary>
    public static ItemKey KeyOf(string tenantId, string entityKey) => StorageKeys.EntityState(tenantId, entityKey);

    /// <summary>Applies the update to the item <see cref="KeyOf"/> gave and returns every counter of it after the update.</summary>
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        store.UpdateCountersAsync(key, update, cancellationToken);

    /// <summary>Reads the counters of the item <see cref="KeyOf"/> gave without changing them.</summary>
    public ValueTask<IReadOnlyDictionary<string, long>> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        store.GetCountersAsync(key, cancellationToken);

    /// <summary>Applies the update and returns every counter of the entity key after it.</summary>
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateAsync(string tenantId, string entityKey, CounterUpdate update, CancellationToken cancellationToken = default) =>
        store.UpdateCountersAsync(StorageKeys.EntityState(tenantId, entityKey), update, cancellationToken);

    /// <summary>Reads an entity key's counters without changing them.</summary>
    public ValueTask<IReadOnlyDictionary<string, long>> GetAsync(string tenantId, string entityKey, CancellationToken cancellationToken = default) =>
        store.GetCountersAsync(StorageKeys.EntityState(tenantId, entityKey), cancellationToken);
}
