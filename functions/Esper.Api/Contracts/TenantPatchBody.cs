namespace Esper.Api.Contracts;

/// <summary>The body of <c>PATCH /api/v1/tenants/{tenant_id}</c>: the fields to change (the slug is the tenant id and never changes).</summary>
internal sealed record TenantPatchBody(string? Name);
