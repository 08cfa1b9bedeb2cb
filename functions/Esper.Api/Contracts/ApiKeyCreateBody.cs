namespace Esper.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/api-keys</c>: scope <c>runtime</c> (default) or <c>admin</c>, trust level <c>external</c> (default) or <c>internal</c>.</summary>
internal sealed record ApiKeyCreateBody(string Name, string? Scope, string? TrustLevel);
