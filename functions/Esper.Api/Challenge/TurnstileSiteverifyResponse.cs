using System.Text.Json.Serialization;

namespace Esper.Api.Challenge;

/// <summary>The part of Cloudflare's siteverify answer the runtime reads.</summary>
internal sealed record TurnstileSiteverifyResponse
{
    /// <summary>True when the token is valid.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>Cloudflare's error codes, e.g. <c>invalid-input-secret</c>, <c>timeout-or-duplicate</c>.</summary>
    [JsonPropertyName("error-codes")]
    public IReadOnlyList<string> ErrorCodes { get; init; } = [];

    /// <summary>The hostname the widget was solved on.</summary>
    [JsonPropertyName("hostname")]
    public string? Hostname { get; init; }
}
