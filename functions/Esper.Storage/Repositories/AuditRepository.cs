using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>Audit entries, one item each in the tenant's audit partition, ordered by time; never expire.</summary>
public sealed class AuditRepository(IKeyValueStore store)
{
    /// <summary>Appends an entry.</summary>
    public async ValueTask AppendAsync(string tenantId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(entry, StorageJsonContext.Default.AuditEntry);
        var key = new ItemKey(StorageKeys.AuditPartition(tenantId), StorageKeys.TimeSortKey(entry.At, entry.Id));
        await store.PutAsync(key, json, WriteCondition.None, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest entries, newest first.</summary>
    public async ValueTask<IReadOnlyList<AuditEntry>> ListAsync(string tenantId, int limit, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.AuditPartition(tenantId), "", new QueryOptions(limit, Descending: true), cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => JsonSerializer.Deserialize(i.Document, StorageJsonContext.Default.AuditEntry)!)];
    }
}
