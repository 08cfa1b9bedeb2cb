using Esper.Core.Resources;

namespace Esper.Api.Challenge;

/// <summary>Whether the runtime configuration makes a provider usable.</summary>
internal static class ChallengeProviderStatus
{
    /// <summary>Null when <paramref name="provider"/> can run here; otherwise the reason it cannot.</summary>
    public static string? Unavailable(string provider, ChallengeSettings settings) => provider switch
    {
        ChallengeProviders.ProofOfWork when settings.ProofOfWorkDifficulty <= 0 =>
            "proof-of-work is disabled on this runtime (ESPER_POW_DIFFICULTY is 0)",
        ChallengeProviders.ProofOfWork => null,
        ChallengeProviders.Turnstile when string.IsNullOrEmpty(settings.TurnstileSiteKey) =>
            "Turnstile is not configured on this runtime (ESPER_TURNSTILE_SITE_KEY is not set)",
        ChallengeProviders.Turnstile when string.IsNullOrEmpty(settings.TurnstileSecretKey) =>
            "Turnstile is not configured on this runtime (ESPER_TURNSTILE_SECRET_KEY is not set)",
        ChallengeProviders.Turnstile => null,
        _ => $"unknown challenge provider '{provider}'",
    };
}
