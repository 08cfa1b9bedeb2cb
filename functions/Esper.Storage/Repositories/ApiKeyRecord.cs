namespace Esper.Storage.Repositories;

/// <summary>An API key as listed: never the secret, only a short prefix to recognise it by.</summary>
public sealed record ApiKeyRecord(
    string Id,
    string TenantId,
    string Name,
    string Scope,
    string TrustLevel,
    string SecretPrefix,
    DateTimeOffset CreatedAt,
    string? CreatedBy,
    DateTimeOffset? RevokedAt);
