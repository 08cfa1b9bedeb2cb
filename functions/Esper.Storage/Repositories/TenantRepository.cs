using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>Tenants: one document each, created with put-if-absent so a slug is taken once.</summary>
public sealed class TenantRepository(IKeyValueStore store)
{
    /// <summary>Creates the tenant; false when its id (slug) is taken.</summary>
    public async ValueTask<bool> TryCreateAsync(TenantRecord tenant, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(tenant, StorageJsonContext.Default.TenantRecord);
        var result = await store.PutAsync(StorageKeys.Tenant(tenant.Id), json, WriteCondition.IfAbsent, null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>Reads a tenant, or null.</summary>
    public async ValueTask<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.Tenant(tenantId), cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.TenantRecord);
    }

    /// <summary>Replaces an existing tenant's document; false when the tenant does not exist.</summary>
    public async ValueTask<bool> ReplaceAsync(TenantRecord tenant, CancellationToken cancellationToken = default)
    {
        var key = StorageKeys.Tenant(tenant.Id);
        var current = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }

        var json = JsonSerializer.Serialize(tenant, StorageJsonContext.Default.TenantRecord);
        var result = await store.PutAsync(key, json, WriteCondition.IfVersion(current.Version), null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }
}
