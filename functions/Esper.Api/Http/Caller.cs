namespace Esper.Api.Http;

/// <summary>
/// The authenticated caller: a tenant's API key, or an operator signed in with a bearer token acting in the tenant
/// the request names (then <see cref="UserId"/> and <see cref="Role"/> are set and <see cref="KeyId"/> is
/// <c>user:{id}</c>, which keys its rate limit).
/// </summary>
internal sealed record Caller(string TenantId, string KeyId, string Scope, string TrustLevel, string? UserId = null, string? Role = null);
