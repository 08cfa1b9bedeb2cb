namespace Esper.Api.Json;

/// <summary>An API key as listed: no secret. <see cref="Secret"/> is set only in the response that creates the key.</summary>
internal sealed record ApiKeyView(
    string Id,
    string Name,
    string Scope,
    string TrustLevel,
    string Prefix,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string? Secret = null);
