using System.Text.Json.Serialization;

namespace Esper.Api.Challenge;

/// <summary>Source-generated JSON for every challenge document (tokens, sessions, API bodies, siteverify).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChallengeTokenClaims))]
[JsonSerializable(typeof(ChallengeSession))]
[JsonSerializable(typeof(TurnstileSiteverifyResponse))]
[JsonSerializable(typeof(ProofVerifiedView))]
[JsonSerializable(typeof(ChallengeStatusView))]
internal sealed partial class ChallengeJsonContext : JsonSerializerContext;
