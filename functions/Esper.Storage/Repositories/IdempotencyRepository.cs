using System.Text;
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

    /// <summary>
    /// The item of one caller key: hashed here once per request and passed to the calls below, instead of hashed by
    /// each of them (the same key <see cref="StorageKeys.Idempotency"/> gives).
    /// </summary>
    public static ItemKey KeyOf(string tenantId, string kind, string key) => StorageKeys.Idempotency(tenantId, kind, key);

    /// <summary>Claims the key with a written item (kept until <paramref name="leaseUntil"/>); the claim's version on success, null when someone else holds it.</summary>
    public ValueTask<string?> TryClaimAsync(string tenantId, string kind, string key, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        TryClaimAsync(KeyOf(tenantId, kind, key), leaseUntil, cancellationToken);

    /// <inheritdoc cref="TryClaimAsync(string, string, string, DateTimeOffset, CancellationToken)"/>
    public async ValueTask<string?> TryClaimAsync(ItemKey itemKey, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        var result = await store.PutAsync(itemKey, PendingJson, WriteCondition.IfAbsent, leaseUntil, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Version : null;
    }

    /// <summary>
    /// Claims the key until <paramref name="leaseUntil"/> for a request that will store its answer with
    /// <see cref="CompleteAsync(ItemKey, string, int, ReadOnlyMemory{byte}, DateTimeOffset, CancellationToken)"/> or give the claim up with <see cref="ReleaseAsync(ItemKey, string, CancellationToken)"/>; the claim on success, null
    /// when someone else holds the key or it is answered. Held in memory when the store owns its data, written otherwise.
    /// </summary>
    public ValueTask<string?> TryClaimForAnswerAsync(string tenantId, string kind, string key, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        TryClaimForAnswerAsync(KeyOf(tenantId, kind, key), leaseUntil, cancellationToken);

    /// <inheritdoc cref="TryClaimForAnswerAsync(string, string, string, DateTimeOffset, CancellationToken)"/>
    public async ValueTask<string?> TryClaimForAnswerAsync(ItemKey itemKey, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        if (_holds is null)
        {
            return await TryClaimAsync(itemKey, leaseUntil, cancellationToken).ConfigureAwait(false);
        }

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

    /// <summary>Stores the response the claim produced (a JSON document), kept until <paramref name="expiresAt"/>.</summary>
    public ValueTask CompleteAsync(string tenantId, string kind, string key, string claimVersion, int statusCode, string response, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        CompleteAsync(KeyOf(tenantId, kind, key), claimVersion, statusCode, Encoding.UTF8.GetBytes(response), expiresAt, cancellationToken);

    /// <summary>
    /// Stores the response the claim produced, kept until <paramref name="expiresAt"/>: the JSON bytes as they are
    /// answered, read back by <see cref="GetAsync(ItemKey, CancellationToken)"/> character for character.
    /// </summary>
    public async ValueTask CompleteAsync(ItemKey itemKey, string claimVersion, int statusCode, ReadOnlyMemory<byte> utf8Json, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var json = IdempotencyDocument.Done(statusCode, utf8Json);
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
    public ValueTask<WriteResult> ReleaseAsync(string tenantId, string kind, string key, string claimVersion, CancellationToken cancellationToken = default) =>
        ReleaseAsync(KeyOf(tenantId, kind, key), claimVersion, cancellationToken);

    /// <inheritdoc cref="ReleaseAsync(string, string, string, string, CancellationToken)"/>
    public ValueTask<WriteResult> ReleaseAsync(ItemKey itemKey, string claimVersion, CancellationToken cancellationToken = default)
    {
        if (_holds is not null && _holds.Release(itemKey, claimVersion))
        {
            return new(WriteResult.Written(null));
        }

        return store.DeleteAsync(itemKey, claimVersion, cancellationToken);
    }

    /// <summary>Reads the item, or null when absent or expired; a claim held in memory reads as <c>pending</c>.</summary>
    public ValueTask<IdempotencyRecord?> GetAsync(string tenantId, string kind, string key, CancellationToken cancellationToken = default) =>
        GetAsync(KeyOf(tenantId, kind, key), cancellationToken);

    /// <inheritdoc cref="GetAsync(string, string, string, CancellationToken)"/>
    public async ValueTask<IdempotencyRecord?> GetAsync(ItemKey itemKey, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(itemKey, cancellationToken).ConfigureAwait(false);
        if (item is not null)
        {
            return IdempotencyDocument.Read(item.Document);
        }

        // The answer is read first: once it is written, a hold taken only to look at it (by a request that then finds
        // it answered) must not read as pending, or a retry would wait for a settle that already happened. A hold
        // given up between the two reads reads as absent, and the caller claims again at once.
        return _holds is not null && _holds.IsHeld(itemKey) ? Pending : null;
    }
}
