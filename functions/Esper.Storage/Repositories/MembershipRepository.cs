using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>Tenant memberships: one item per user in the tenant's membership partition.</summary>
public sealed class MembershipRepository(IKeyValueStore store)
{
    /// <summary>Reads one membership, or null.</summary>
    public async ValueTask<MembershipRecord?> GetAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var item = await store.GetAsync(Key(tenantId, userId), cancellationToken).ConfigureAwait(false);
        return item is null ? null : JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.MembershipRecord);
    }

    /// <summary>Every membership of the tenant, ordered by user id.</summary>
    public async ValueTask<IReadOnlyList<MembershipRecord>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var items = await store.QueryAsync(StorageKeys.MembershipPartition(tenantId), "", null, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(i => JsonSerializer.Deserialize(i.Document, StorageJsonContext.Default.MembershipRecord)!)];
    }

    /// <summary>Creates or replaces the membership.</summary>
    public async ValueTask PutAsync(string tenantId, MembershipRecord membership, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(membership, StorageJsonContext.Default.MembershipRecord);
        await store.PutAsync(Key(tenantId, membership.UserId), json, WriteCondition.None, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the membership; false when there was none.</summary>
    public async ValueTask<bool> DeleteAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var result = await store.DeleteAsync(Key(tenantId, userId), null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    // User ids are free-form (an identity provider's subject), so they are hashed into the sort key like other
    // caller-chosen values; the document keeps the id itself.
    private static ItemKey Key(string tenantId, string userId) => new(StorageKeys.MembershipPartition(tenantId), StorageKeys.Hash(userId));
}
