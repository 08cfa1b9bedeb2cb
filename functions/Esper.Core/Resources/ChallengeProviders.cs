namespace Esper.Core.Resources;

/// <summary>The values of <see cref="ChallengeOptions.Provider"/>.</summary>
public static class ChallengeProviders
{
    /// <summary>An Esper-hosted proof-of-work page.</summary>
    public const string ProofOfWork = "proof_of_work";

    /// <summary>Cloudflare Turnstile.</summary>
    public const string Turnstile = "turnstile";
}
