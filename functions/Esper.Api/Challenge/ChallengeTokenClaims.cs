using System.Text.Json.Serialization;

namespace Esper.Api.Challenge;

/// <summary>What a proof or pass token asserts. Short property names keep tokens small in URLs and cookies.</summary>
internal sealed record ChallengeTokenClaims
{
    /// <summary>"proof" or "pass" (<see cref="ChallengeTokenKinds"/>), signed so one kind never stands in for the other.</summary>
    [JsonPropertyName("typ")]
    public required string Kind { get; init; }

    /// <summary>The tenant the token was issued for.</summary>
    [JsonPropertyName("tid")]
    public required string TenantId { get; init; }

    /// <summary>
    /// SHA-256 of the entity key, base64url: binds the token to the visitor's entity without putting the key
    /// itself (often an IP address) into URLs and cookies.
    /// </summary>
    [JsonPropertyName("ek")]
    public required string EntityKeyHash { get; init; }

    /// <summary>The origin of the return URL, e.g. <c>https://shop.example</c>.</summary>
    [JsonPropertyName("org")]
    public required string Origin { get; init; }

    /// <summary>A random token id; the verify endpoint spends it once.</summary>
    [JsonPropertyName("jti")]
    public required string Id { get; init; }

    /// <summary>Issue time, unix seconds.</summary>
    [JsonPropertyName("iat")]
    public required long IssuedAt { get; init; }

    /// <summary>Expiry, unix seconds; the token is rejected at and after this instant.</summary>
    [JsonPropertyName("exp")]
    public required long ExpiresAt { get; init; }
}
