namespace Esper.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/tenants/{tenant_id}/memberships</c>: the user (a token's <c>sub</c>) and the role Owner, Admin, Analyst or Viewer.</summary>
internal sealed record MembershipBody(string UserId, string Role);
