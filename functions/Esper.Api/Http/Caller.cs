namespace Esper.Api.Http;

/// <summary>The authenticated caller: a tenant's API key.</summary>
internal sealed record Caller(string TenantId, string KeyId, string Scope, string TrustLevel);
