using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Config documents (actions, entities, mitigations, policies) with versions, plus the per-tenant config version
/// counter every write bumps so other processes notice their cached compiled config is stale.
/// </summary>
public sealed class ConfigRepository(IKeyValueStore store)
{
    private const string VersionCounter = "v";

    /// <summary>Every document of one kind, in id order.</summary>
    public async ValueTask<IReadOnlyList<ConfigDocument>> ListAsync(string tenantId, string kind, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.ConfigPartition(tenantId), kind + "#", null, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => ToDocument(kind, i))];
    }

    /// <summary>One document, or null.</summary>
    public async ValueTask<ConfigDocument?> GetAsync(string tenantId, string kind, string id, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.Config(tenantId, kind, id), cancellationToken).ConfigureAwait(false);
        return item is null ? null : ToDocument(kind, item);
    }

    /// <summary>Writes a document under a condition (if-absent to create, if-version to replace).</summary>
    public ValueTask<WriteResult> PutAsync(string tenantId, string kind, string id, string json, WriteCondition condition, CancellationToken cancellationToken = default) =>
        store.PutAsync(StorageKeys.Config(tenantId, kind, id), json, condition, null, cancellationToken);

    /// <summary>Deletes a document, only at the expected version when one is given.</summary>
    public ValueTask<WriteResult> DeleteAsync(string tenantId, string kind, string id, string? expectedVersion, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(StorageKeys.Config(tenantId, kind, id), expectedVersion, cancellationToken);

    /// <summary>The tenant's current config version (0 before the first write).</summary>
    public async ValueTask<long> GetVersionAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var counters = await store.GetCountersAsync(StorageKeys.ConfigVersion(tenantId), cancellationToken).ConfigureAwait(false);
        return counters.TryGetValue(VersionCounter, out var v) ? v : 0;
    }

    /// <summary>Bumps the tenant's config version after a write and returns the new one.</summary>
    public async ValueTask<long> BumpVersionAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var counters = await store.UpdateCountersAsync(
            StorageKeys.ConfigVersion(tenantId),
            new CounterUpdate { Add = new Dictionary<string, long> { [VersionCounter] = 1 } },
            cancellationToken).ConfigureAwait(false);
        return counters[VersionCounter];
    }

    private static ConfigDocument ToDocument(string kind, StoredItem item) =>
        new(kind, item.Key.SortKey[(kind.Length + 1)..], item.Document, item.Version);
}
