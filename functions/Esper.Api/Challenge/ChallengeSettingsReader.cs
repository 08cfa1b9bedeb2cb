using System.Globalization;

namespace Esper.Api.Challenge;

/// <summary>Builds <see cref="ChallengeSettings"/> from environment variables (or any name → value source).</summary>
internal static class ChallengeSettingsReader
{
    /// <summary>
    /// Reads every <c>ESPER_*</c> challenge setting through <paramref name="getValue"/>. Returns the options and an
    /// empty error list, or null and one error per bad variable (naming it) so a host can refuse to start.
    /// </summary>
    public static ChallengeSettings? Read(Func<string, string?> getValue, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var defaults = new ChallengeSettings();

        Uri? publicUrl = null;
        var publicText = Value(getValue, "ESPER_PUBLIC_URL");
        if (publicText is not null && (!Uri.TryCreate(publicText.TrimEnd('/'), UriKind.Absolute, out publicUrl)
            || (publicUrl.Scheme != Uri.UriSchemeHttp && publicUrl.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add("ESPER_PUBLIC_URL must be an absolute http or https URL");
        }

        // ESPER_ANUBIS_DIFFICULTY is the name the product's provider docs use; ESPER_POW_DIFFICULTY wins when both are set.
        var difficulty = Integer(getValue, "ESPER_POW_DIFFICULTY", 0, ProofOfWork.MaxDifficulty, problems)
            ?? Integer(getValue, "ESPER_ANUBIS_DIFFICULTY", 0, ProofOfWork.MaxDifficulty, problems)
            ?? ChallengeSettings.DefaultProofOfWorkDifficulty;

        var keys = ChallengeKeyRing.CreateEphemeral();
        var keysText = Value(getValue, "ESPER_CHALLENGE_KEYS");
        if (keysText is not null)
        {
            var parsed = ChallengeKeyRing.Parse(keysText, out var keyError);
            if (parsed is null)
            {
                problems.Add($"ESPER_CHALLENGE_KEYS: {keyError}");
            }
            else
            {
                keys = parsed;
            }
        }

        var verifyUrl = ChallengeSettings.DefaultTurnstileVerifyUrl;
        var verifyText = Value(getValue, "ESPER_TURNSTILE_VERIFY_URL");
        if (verifyText is not null && (!Uri.TryCreate(verifyText, UriKind.Absolute, out verifyUrl)
            || (verifyUrl.Scheme != Uri.UriSchemeHttp && verifyUrl.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add("ESPER_TURNSTILE_VERIFY_URL must be an absolute http or https URL");
        }

        var options = new ChallengeSettings
        {
            PublicUrl = publicUrl,
            ProofOfWorkDifficulty = difficulty,
            SessionLifetime = Seconds(getValue, "ESPER_CHALLENGE_SESSION_TTL_SECONDS", problems) ?? defaults.SessionLifetime,
            ProofLifetime = Seconds(getValue, "ESPER_CHALLENGE_PROOF_TTL_SECONDS", problems) ?? defaults.ProofLifetime,
            PassLifetime = Seconds(getValue, "ESPER_CHALLENGE_PASS_TTL_SECONDS", problems) ?? defaults.PassLifetime,
            TurnstileSiteKey = Value(getValue, "ESPER_TURNSTILE_SITE_KEY"),
            TurnstileSecretKey = Value(getValue, "ESPER_TURNSTILE_SECRET_KEY"),
            TurnstileExpectedHostname = Value(getValue, "ESPER_TURNSTILE_EXPECTED_HOSTNAME"),
            TurnstileVerifyUrl = verifyUrl ?? ChallengeSettings.DefaultTurnstileVerifyUrl,
            Keys = keys,
            AllowLoopbackReturnOrigins = Value(getValue, "ESPER_CHALLENGE_ALLOW_LOOPBACK") is { } loopback
                && (bool.TryParse(loopback, out var allow) ? allow : Fail(problems, "ESPER_CHALLENGE_ALLOW_LOOPBACK must be true or false")),
        };

        errors = problems;
        return problems.Count == 0 ? options : null;
    }

    private static bool Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }

    private static string? Value(Func<string, string?> getValue, string name)
    {
        var value = getValue(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static int? Integer(Func<string, string?> getValue, string name, int min, int max, List<string> problems)
    {
        var text = Value(getValue, name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{name} must be a whole number from {min} to {max}");
        return null;
    }

    private static TimeSpan? Seconds(Func<string, string?> getValue, string name, List<string> problems) =>
        Integer(getValue, name, 1, 7 * 24 * 3600, problems) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
