namespace Esper.Storage.Repositories;

/// <summary>What the hash look-up item holds: enough to authenticate without reading the key record.</summary>
public sealed record ApiKeyLookup(string KeyId, string TenantId, string Scope, string TrustLevel);
