namespace Esper.Api.Challenge;

/// <summary>
/// Runtime settings of the managed challenge, read once at start-up from environment-style configuration
/// (see <see cref="ChallengeSettingsReader"/> for the variable names). Defaults are stated on each property.
/// </summary>
public sealed class ChallengeSettings
{
    /// <summary>Default proof-of-work difficulty: 2^14 hashes on average, about half a second to a second on a phone.</summary>
    public const int DefaultProofOfWorkDifficulty = 14;

    /// <summary>Default Cloudflare siteverify endpoint.</summary>
    public static readonly Uri DefaultTurnstileVerifyUrl = new("https://challenges.cloudflare.com/turnstile/v0/siteverify");

    /// <summary>Public base URL of this runtime; challenge pages live under it. Default: none (no redirect_url can be built).</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// When true, a return URL on a loopback origin (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>) is admitted
    /// besides the mitigation's allowed origins: a visitor is only ever sent back to their own machine. Default false;
    /// the local host turns it on (<c>ESPER_CHALLENGE_ALLOW_LOOPBACK</c>).
    /// </summary>
    public bool AllowLoopbackReturnOrigins { get; init; }

    /// <summary>Leading zero bits a proof-of-work solve needs; 0 disables the provider. Default <see cref="DefaultProofOfWorkDifficulty"/>.</summary>
    public int ProofOfWorkDifficulty { get; init; } = DefaultProofOfWorkDifficulty;

    /// <summary>How long a challenge page can be solved after the decision that created it. Default 10 minutes.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a proof token can be exchanged for a pass. Default 5 minutes.</summary>
    public TimeSpan ProofLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a pass lets the visitor through without another challenge. Default 30 minutes.</summary>
    public TimeSpan PassLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Turnstile site key (public, rendered into the page). Default: none (Turnstile unavailable).</summary>
    public string? TurnstileSiteKey { get; init; }

    /// <summary>Turnstile secret key for siteverify. Default: none (Turnstile unavailable).</summary>
    public string? TurnstileSecretKey { get; init; }

    /// <summary>When set, a Turnstile solve must report this hostname. Default: not checked.</summary>
    public string? TurnstileExpectedHostname { get; init; }

    /// <summary>The siteverify endpoint. Default <see cref="DefaultTurnstileVerifyUrl"/>; tests point it at a local stand-in.</summary>
    public Uri TurnstileVerifyUrl { get; init; } = DefaultTurnstileVerifyUrl;

    /// <summary>True when both Turnstile keys are configured.</summary>
    public bool TurnstileConfigured => !string.IsNullOrEmpty(TurnstileSiteKey) && !string.IsNullOrEmpty(TurnstileSecretKey);

    /// <summary>The token keys; a random per-process key when none was configured.</summary>
    internal ChallengeKeyRing Keys { get; init; } = ChallengeKeyRing.CreateEphemeral();
}
