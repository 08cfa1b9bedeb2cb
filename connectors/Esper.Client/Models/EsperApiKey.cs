namespace Esper.Client;

/// <summary>An API key as Esper lists it; <see cref="Secret"/> only in the answer that creates the key.</summary>
public sealed record EsperApiKey(
    string Id,
    string Name,
    string Scope,
    string TrustLevel,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string? Secret = null);
