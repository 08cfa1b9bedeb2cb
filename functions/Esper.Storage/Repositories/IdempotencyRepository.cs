using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Idempotency items. The first request claims the key with put-if-absent (a short lease, so a crashed winner does
/// not block the key for a day), decides, then completes the item with its response for the retention period.
/// </summary>
public sealed class IdempotencyRepository(IKeyValueStore store)
{
    /// <summary>Claims the key; the claim's version on success, null when someone else holds it.</summary>
    public async ValueTask<string?> TryClaimAsync(string tenantId, string kind, string key, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(new IdempotencyRecord("pending", 0, null), StorageJsonContext.Default.IdempotencyRecord);
        var result = await store.PutAsync(StorageKeys.Idempotency(tenantId, kind, key), json, WriteCondition.IfAbsent, leaseUntil, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Version : null;
    }

    /// <summary>Stores the response the claim produced, kept until <paramref name="expiresAt"/>.</summary>
    public async ValueTask CompleteAsync(string tenantId, string kind, string key, string claimVersion, int statusCode, string response, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(new IdempotencyRecord("done", statusCode, response), StorageJsonContext.Default.IdempotencyRecord);
        var result = await store.PutAsync(StorageKeys.Idempotency(tenantId, kind, key), json, WriteCondition.IfVersion(claimVersion), expiresAt, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // The lease ran out and another request re-claimed the key; its answer wins, ours stays answered.
            return;
        }
    }

    /// <summary>Gives up a claim whose request failed, so a retry may decide.</summary>
    public ValueTask<WriteResult> ReleaseAsync(string tenantId, string kind, string key, string claimVersion, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(StorageKeys.Idempotency(tenantId, kind, key), claimVersion, cancellationToken);

    /// <summary>Reads the item, or null when absent or expired.</summary>
    public async ValueTask<IdempotencyRecord?> GetAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(StorageKeys.Idempotency(tenantId, kind, key), cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.IdempotencyRecord);
    }
}
