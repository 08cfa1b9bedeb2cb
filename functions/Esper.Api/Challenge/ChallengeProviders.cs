namespace Esper.Api.Challenge;

/// <summary>The challenge providers a challenge mitigation can name.</summary>
public static class ChallengeProviders
{
    /// <summary>Browser proof-of-work verified locally (Anubis-style); the default when a mitigation names none.</summary>
    public const string ProofOfWork = "proof_of_work";

    /// <summary>Cloudflare Turnstile, verified with Cloudflare's siteverify API.</summary>
    public const string Turnstile = "turnstile";

    /// <summary>
    /// Maps a mitigation's provider field onto a known provider: null or empty means proof-of-work, "anubis" is
    /// accepted as another name for proof-of-work; anything else is unknown (null).
    /// </summary>
    public static string? Normalize(string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            return ProofOfWork;
        }

        return provider.Trim().ToLowerInvariant() switch
        {
            ProofOfWork or "anubis" or "pow" => ProofOfWork,
            Turnstile => Turnstile,
            _ => null,
        };
    }
}
