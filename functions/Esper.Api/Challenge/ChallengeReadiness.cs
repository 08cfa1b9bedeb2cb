using Esper.Core.Resources;

namespace Esper.Api.Challenge;

/// <summary>
/// Why a challenge mitigation cannot start a managed challenge on this runtime, in the words the decision's
/// <c>redirect_url_error</c> and the setup check use: the write of such a mitigation answers these as warnings, so
/// the operator learns it when saving, not from the first challenge decision without a <c>redirect_url</c>.
/// </summary>
internal static class ChallengeReadiness
{
    public const string NoPublicUrl = "ESPER_PUBLIC_URL is not set, so no challenge page address can be given";

    public const string NoAllowedOrigin = "no allowed return origin: set challenge.allowed_origins or an absolute challenge.return_url_template";

    public const string EphemeralKeys = "ESPER_CHALLENGE_KEYS is not set: a random per-process key signs tokens, so other instances and restarts reject them";

    /// <summary>Empty unless <paramref name="mitigation"/> is an enabled challenge mitigation something stands in the way of.</summary>
    public static IReadOnlyList<string> Warnings(MitigationDefinition mitigation, ChallengeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mitigation);
        if (!mitigation.Enabled || mitigation.Mode != MitigationModes.Challenge)
        {
            return [];
        }

        var warnings = new List<string>();
        if (settings.PublicUrl is null)
        {
            warnings.Add(NoPublicUrl);
        }

        if (ChallengeProviderStatus.Unavailable(mitigation.Challenge?.Provider ?? ChallengeProviders.ProofOfWork, settings) is { } unavailable)
        {
            warnings.Add(unavailable);
        }

        // A runtime that admits loopback return origins (the local host) can still challenge a loopback site.
        if (ChallengeReturnUrls.AllowedOrigins(mitigation.Challenge).Count == 0 && !settings.AllowLoopbackReturnOrigins)
        {
            warnings.Add(NoAllowedOrigin);
        }

        if (settings.Keys.IsEphemeral)
        {
            warnings.Add(EphemeralKeys);
        }

        return [.. warnings.Select(static w => $"challenge cannot start as configured: {w}")];
    }
}
