namespace Esper.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/tenants</c>.</summary>
internal sealed record TenantCreateBody(string Name, string Slug);
