using Esper.Core.Resources;
namespace Esper.Api.Challenge;

/// <summary>One pending challenge: created by a challenge decision, solved once on the challenge page.</summary>
internal sealed record ChallengeSession
{
    /// <summary>The public id used in <c>/challenge/{id}</c>: base64url(tenant id) "." random.</summary>
    public required string Id { get; init; }

    /// <summary>The tenant whose policy asked for the challenge.</summary>
    public required string TenantId { get; init; }

    /// <summary>The entity key the challenge (and later the pass) is bound to.</summary>
    public required string EntityKey { get; init; }

    /// <summary>The challenge mitigation that asked for it, when known.</summary>
    public string? MitigationId { get; init; }

    /// <summary><see cref="ChallengeProviders.ProofOfWork"/> or <see cref="ChallengeProviders.Turnstile"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>Where the visitor goes after solving (already checked by <see cref="ReturnUrlGuard"/>).</summary>
    public required string ReturnUrl { get; init; }

    /// <summary>The return URL's origin, bound into the proof token.</summary>
    public required string ReturnOrigin { get; init; }

    /// <summary>The proof-of-work challenge string (64 hex characters); empty for Turnstile.</summary>
    public string PowChallenge { get; init; } = "";

    /// <summary>Leading zero bits the proof-of-work solve needs, fixed when the session was created.</summary>
    public int Difficulty { get; init; }

    /// <summary>When the session was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the session can no longer be solved.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
