using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Idempotency items. The first request claims the key with put-if-absent (a short lease, so a crashed winner does
/// not block the key for a day), decides, then completes the item with its response for the retention period.
/// On a store that owns its data (the embedded store), a claim its answer will replace is held in memory instead:
/// the item is written once, with the answer, and a process that dies before answering leaves nothing claimed.
/// </summary>
public sealed class IdempotencyRepository(IKeyValueStore store)
{
    private static readonly IdempotencyRecord Pending = new("pending", 0, null);
    private static readonly string PendingJson = JsonSerializer.Serialize(Pending, StorageJsonContext.Default.IdempotencyRecord);

    private readonly KeyReservations? _holds = (store as IHoldsKeysInMemory)?.Reservations;

    /// <summary>Claims the key with a written item (kept until <paramref name="leaseUntil"/>); the claim's version on success, null when someone else holds it.</summary>
    public async ValueTask<string?> TryClaimAsync(string tenantId, string kind, string key, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var result = await store.PutAsync(StorageKeys.Idempotency(tenantId, kind, key), PendingJson, WriteCondition.IfAbsent, leaseUntil, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Version : null;
    }

    /// <summary>
    /// Claims the key until <paramref name="leaseUntil"/> for a request that will store its answer with
    /// <see cref="CompleteAsync"/> or give the claim up with <see cref="ReleaseAsync"/>; the claim on success, null
    /// when someone else holds the key or it is answered. Held in memory when the store owns its data, written otherwise.
    /// </summary>
    public async ValueTask<string?> TryClaimForAnswerAsync(string tenantId, string kind, string key, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        if (_holds is null)
        {
            return await TryClaimAsync(tenantId, kind, key, leaseUntil, cancellationToken).ConfigureAwait(false);
        }

        var itemKey = StorageKeys.Idempotency(tenantId, kind, key);
        if (_holds.TryHold(itemKey, leaseUntil) is not { } hold)
        {
            return null;
        }

        try
        {
            // Held before it is read: an answer is written before its hold is given up, so a key found free here and
            // then unwritten was not answered.
            if (await store.GetAsync(itemKey, cancellationToken).ConfigureAwait(false) is null)
            {
                return hold;
            }
        }
        catch
        {
            _holds.Release(itemKey, hold);
            throw;
        }

        _holds.Release(itemKey, hold);
        return null;
    }

    /// <summary>Stores the response the claim produced, kept until <paramref name="expiresAt"/>.</summary>
    public async ValueTask CompleteAsync(string tenantId, string kind, string key, string claimVersion, int statusCode, string response, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(new IdempotencyRecord("done", statusCode, response), StorageJsonContext.Default.IdempotencyRecord);
        var itemKey = StorageKeys.Idempotency(tenantId, kind, key);
        if (_holds is not null && _holds.Holds(itemKey, claimVersion))
        {
            try
            {
                // The first answer written wins, as with a written claim whose lease ran out.
                await store.PutAsync(itemKey, json, WriteCondition.IfAbsent, expiresAt, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _holds.Release(itemKey, claimVersion);
            }

            return;
        }

        // When this fails, the lease ran out and another request re-claimed the key: its answer wins, ours stays answered.
        await store.PutAsync(itemKey, json, WriteCondition.IfVersion(claimVersion), expiresAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives up a claim whose request failed, so a retry may decide.</summary>
    public ValueTask<WriteResult> ReleaseAsync(string tenantId, string kind, string key, string claimVersion, CancellationToken cancellationToken = default)
    {
        var itemKey = StorageKeys.Idempotency(tenantId, kind, key);
        if (_holds is not null && _holds.Release(itemKey, claimVersion))
        {
            return new(WriteResult.Written(null));
        }

        return store.DeleteAsync(itemKey, claimVersion, cancellationToken);
    }

    /// <summary>Reads the item, or null when absent or expired; a claim held in memory reads as <c>pending</c>.</summary>
    public async ValueTask<IdempotencyRecord?> GetAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default)
    {
        var itemKey = StorageKeys.Idempotency(tenantId, kind, key);
        var item = await store.GetAsync(itemKey, cancellationToken).ConfigureAwait(false);
        if (item is not null)
        {
            return JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.IdempotencyRecord);
        }

        // The answer is read first: once it is written, a hold taken only to look at it (by a request that then finds
        // it answered) must not read as pending, or a retry would wait for a settle that already happened. A hold
        // given up between the two reads reads as absent, and the caller claims again at once.
        return _holds is not null && _holds.IsHeld(itemKey) ? Pending : null;
    }
}
