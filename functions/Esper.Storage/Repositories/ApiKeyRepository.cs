using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// API keys. The secret is never stored: a hash look-up item (SHA-256 of the secret) authenticates, and a record
/// item describes the key for listing. Revoking deletes the look-up item first, so a revoked key stops working even
/// if marking the record fails.
/// </summary>
public sealed class ApiKeyRepository(IKeyValueStore store)
{
    /// <summary>Stores a new key: its look-up item (if absent) and its record.</summary>
    public async ValueTask<bool> TryCreateAsync(ApiKeyRecord record, string secretHash, CancellationToken cancellationToken = default)
    {
        var lookup = new ApiKeyLookup(record.Id, record.TenantId, record.Scope, record.TrustLevel);
        var lookupJson = JsonSerializer.Serialize(lookup, StorageJsonContext.Default.ApiKeyLookup);
        var written = await store.PutAsync(StorageKeys.ApiKeyHash(record.TenantId, secretHash), lookupJson, WriteCondition.IfAbsent, null, cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            return false;
        }

        await PutRecordAsync(record, secretHash, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Finds the live key for a secret's hash, or null.</summary>
    public async ValueTask<ApiKeyLookup?> FindByHashAsync(string tenantId, string secretHash, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.ApiKeyHash(tenantId, secretHash), cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.ApiKeyLookup);
    }

    /// <summary>Every key record of the tenant (revoked ones included).</summary>
    public async ValueTask<IReadOnlyList<ApiKeyRecord>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.ApiKeyPartition(tenantId), "key#", null, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => ReadRecord(i.Document).Record)];
    }

    /// <summary>One key record, or null.</summary>
    public async ValueTask<ApiKeyRecord?> GetAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.ApiKey(tenantId, keyId), cancellationToken).ConfigureAwait(false);
        return item is null ? null : ReadRecord(item.Document).Record;
    }

    /// <summary>Revokes a key; null when there is no such key, else the revoked record.</summary>
    public async ValueTask<ApiKeyRecord?> RevokeAsync(string tenantId, string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.ApiKey(tenantId, keyId), cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        var (record, hash) = ReadRecord(item.Document);
        await store.DeleteAsync(StorageKeys.ApiKeyHash(tenantId, hash), null, cancellationToken).ConfigureAwait(false);
        var revoked = record with { RevokedAt = record.RevokedAt ?? at };
        await PutRecordAsync(revoked, hash, cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    private async ValueTask PutRecordAsync(ApiKeyRecord record, string secretHash, CancellationToken cancellationToken)
    {
        // The hash rides along in the record (it is not a secret) so revocation can find the look-up item.
        var json = JsonSerializer.Serialize(new StoredApiKey(record, secretHash), StorageJsonContext.Default.StoredApiKey);
        await store.PutAsync(StorageKeys.ApiKey(record.TenantId, record.Id), json, WriteCondition.None, null, cancellationToken).ConfigureAwait(false);
    }

    private static (ApiKeyRecord Record, string Hash) ReadRecord(string json)
    {
        var stored = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredApiKey)!;
        return (stored.Record, stored.SecretHash);
    }
}
