using Esper.Api.Audit;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.Repositories;

namespace Esper.Api.Operators;

/// <summary>
/// <c>/api/v1/tenants/{tenant_id}/memberships</c>: list, create-or-update (POST) and remove a user's role in the
/// tenant. The last Owner can be neither removed nor demoted. Every change is audited with the acting user or key.
/// </summary>
internal sealed class MembershipEndpoints(MembershipRepository memberships, AuditLog audit, EsperApiOptions options, TimeProvider time) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ListMemberships", Access.Admin, ListAsync),
        new("PutMembership", Access.Admin, PutAsync),
        new("DeleteMembership", Access.Admin, DeleteAsync),
    ];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var all = await memberships.ListAsync(call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, new ItemList<MembershipRecord>([.. all.OrderBy(static m => m.UserId, StringComparer.Ordinal)]), ReadableJson.Api.ItemListMembershipRecord);
    }

    private async ValueTask<ApiResponse> PutAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!MembershipInput.TryRead(call.Request, options.Limits, out var userId, out var role, out var problem))
        {
            return problem!;
        }

        var tenantId = call.Key.TenantId;
        var current = await memberships.GetAsync(tenantId, userId!, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Role == role)
        {
            return JsonResponses.Create(200, current, ReadableJson.Api.MembershipRecord);
        }

        if (current?.Role == OperatorRoles.Owner && await IsLastOwnerAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            return Problems.Conflict($"'{userId}' is the tenant's last Owner; make another member Owner first.");
        }

        var now = time.GetUtcNow();
        var saved = new MembershipRecord(userId!, role!, current?.CreatedAt ?? now, now);
        await memberships.PutAsync(tenantId, saved, cancellationToken).ConfigureAwait(false);
        var change = current is null ? $"created ({role})" : $"role {current.Role} -> {role}";
        await audit.RecordAsync(call.Key, "membership", userId!, change, cancellationToken).ConfigureAwait(false);
        return JsonResponses.Create(200, saved, ReadableJson.Api.MembershipRecord);
    }

    private async ValueTask<ApiResponse> DeleteAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var userId = call.Route("user_id");
        var current = await memberships.GetAsync(tenantId, userId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Problems.NotFound($"'{userId}' is not a member of tenant '{tenantId}'.");
        }

        if (current.Role == OperatorRoles.Owner && await IsLastOwnerAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            return Problems.Conflict($"'{userId}' is the tenant's last Owner; make another member Owner first.");
        }

        if (await memberships.DeleteAsync(tenantId, userId, cancellationToken).ConfigureAwait(false))
        {
            await audit.RecordAsync(call.Key, "membership", userId, $"removed ({current.Role})", cancellationToken).ConfigureAwait(false);
        }

        return JsonResponses.NoContent();
    }

    private async ValueTask<bool> IsLastOwnerAsync(string tenantId, CancellationToken cancellationToken)
    {
        var all = await memberships.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return all.Count(static m => m.Role == OperatorRoles.Owner) <= 1;
    }
}
