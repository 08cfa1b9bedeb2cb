using Esper.Api.Auth;
using Esper.Api.Http;
using Esper.Storage.Repositories;

namespace Esper.Api.Operators;

/// <summary>
/// Turns a valid operator token into a <see cref="Caller"/> for an admin route: the tenant is the route's
/// <c>{tenant_id}</c> or the <c>x-esper-tenant</c> header, the user must be a member of it, and the member's role
/// must reach the route's role in <see cref="OperatorPermissions"/>.
/// </summary>
internal sealed class OperatorCallers(OperatorTokenValidator validator, MembershipRepository memberships)
{
    public const string TenantHeader = "x-esper-tenant";

    public async ValueTask<(Caller? Caller, ApiResponse? Problem)> ResolveAsync(
        string token, Endpoint endpoint, IReadOnlyDictionary<string, string> routeValues, ApiRequest request, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false) is not { } identity)
        {
            return (null, Problems.Unauthorized("The bearer token is invalid or expired."));
        }

        if (endpoint.Access != Access.Admin)
        {
            return (null, Problems.Unauthorized("This endpoint takes an API key, not an operator token."));
        }

        routeValues.TryGetValue("tenant_id", out var fromPath);
        var fromHeader = request.Headers.TryGetValue(TenantHeader, out var header) && header.Trim().Length > 0 ? header.Trim() : null;
        if (fromPath is not null && fromHeader is not null && fromPath != fromHeader)
        {
            return (null, Problems.Forbidden($"The {TenantHeader} header names another tenant than the path."));
        }

        var tenantId = fromPath ?? fromHeader;
        if (tenantId is null || !TenantIds.IsValid(tenantId))
        {
            return (null, Problems.Forbidden($"Name the tenant to act in with the {TenantHeader} header."));
        }

        var membership = await memberships.GetAsync(tenantId, identity.UserId, cancellationToken).ConfigureAwait(false);
        if (membership is null)
        {
            return (null, Problems.Forbidden($"You are not a member of tenant '{tenantId}'."));
        }

        var required = OperatorPermissions.RoleFor(endpoint.RouteName);
        if (!OperatorRoles.Allows(membership.Role, required))
        {
            return (null, Problems.Forbidden($"This needs the {required} role or higher; your role in '{tenantId}' is {membership.Role}."));
        }

        return (new Caller(tenantId, "user:" + identity.UserId, KeyScopes.Admin, TrustLevels.External, identity.UserId, membership.Role), null);
    }
}
