using Esper.Core.Resources;

namespace Esper.Api.Challenge;

/// <summary>
/// The "test challenge setup" check: is the runtime configured (public URL, signing keys, providers — Turnstile's
/// secret is tried against siteverify), and does every enabled challenge mitigation of the tenant have a provider
/// that can run here and an origin to send visitors back to.
/// </summary>
internal sealed class ChallengeStatusChecker(ChallengeSettings settings, TurnstileClient turnstile)
{
    /// <summary>A token Cloudflare can only refuse; the error code tells whether the secret itself was accepted.</summary>
    private const string ProbeToken = "esper-status-probe";

    public async ValueTask<ChallengeStatusView> CheckAsync(IReadOnlyList<MitigationDefinition> mitigations, CancellationToken cancellationToken)
    {
        var runtime = new ChallengeRuntimeView(
            settings.PublicUrl is { } url
                ? new ChallengeCheckView(true, $"challenge pages are served under {url.AbsoluteUri.TrimEnd('/')}/challenge/")
                : new ChallengeCheckView(false, "ESPER_PUBLIC_URL is not set, so challenge decisions carry no redirect_url"),
            settings.Keys.IsEphemeral
                ? new ChallengeCheckView(false, ChallengeReadiness.EphemeralKeys)
                : new ChallengeCheckView(true, $"{settings.Keys.Keys.Count} key(s); signing with '{settings.Keys.Current.Id}'"),
            ChallengeProviderStatus.Unavailable(ChallengeProviders.ProofOfWork, settings) is { } powProblem
                ? new ChallengeCheckView(false, powProblem)
                : new ChallengeCheckView(true, $"enabled, difficulty {settings.ProofOfWorkDifficulty} leading zero bits"),
            await TurnstileAsync(cancellationToken).ConfigureAwait(false));

        var reasons = new List<string>();
        if (!runtime.PublicUrl.Ok)
        {
            reasons.Add(runtime.PublicUrl.Detail);
        }

        if (!runtime.SigningKeys.Ok)
        {
            reasons.Add(runtime.SigningKeys.Detail);
        }

        var views = new List<ChallengeMitigationView>();
        foreach (var m in mitigations.Where(static m => m.Enabled && m.Mode == MitigationModes.Challenge))
        {
            var view = Mitigation(m, runtime);
            views.Add(view);
            reasons.AddRange(view.Reasons.Select(r => $"mitigation '{m.Id}': {r}"));
        }

        if (views.Count == 0)
        {
            reasons.Add("the tenant has no enabled challenge mitigations to validate");
        }

        return new ChallengeStatusView(reasons.Count == 0, runtime, views, reasons);
    }

    private static ChallengeMitigationView Mitigation(MitigationDefinition m, ChallengeRuntimeView runtime)
    {
        var reasons = new List<string>();
        var provider = m.Challenge?.Provider;
        if (string.IsNullOrEmpty(provider))
        {
            reasons.Add("no challenge provider is selected");
            provider = "";
        }
        else if (provider == ChallengeProviders.ProofOfWork && !runtime.ProofOfWork.Ok)
        {
            reasons.Add(runtime.ProofOfWork.Detail);
        }
        else if (provider == ChallengeProviders.Turnstile && !runtime.Turnstile.Ok)
        {
            reasons.Add(runtime.Turnstile.Detail);
        }

        var origins = ChallengeReturnUrls.AllowedOrigins(m.Challenge);
        if (origins.Count == 0)
        {
            reasons.Add(ChallengeReadiness.NoAllowedOrigin);
        }

        foreach (var entry in m.Challenge?.AllowedOrigins ?? [])
        {
            if (ReturnUrlGuard.NormalizeOrigin(entry) is null)
            {
                reasons.Add($"allowed origin '{entry}' is not an origin such as https://shop.example");
            }
        }

        return new ChallengeMitigationView(m.Id, m.Name, provider, reasons.Count == 0, origins, reasons);
    }

    private async ValueTask<ChallengeCheckView> TurnstileAsync(CancellationToken cancellationToken)
    {
        if (ChallengeProviderStatus.Unavailable(ChallengeProviders.Turnstile, settings) is { } problem)
        {
            return new ChallengeCheckView(false, problem);
        }

        var probe = await turnstile.VerifyAsync(ProbeToken, null, cancellationToken).ConfigureAwait(false);
        if (!probe.Reachable)
        {
            return new ChallengeCheckView(false, $"siteverify at {settings.TurnstileVerifyUrl} could not be reached");
        }

        return probe.ErrorCodes.Contains("invalid-input-secret") || probe.ErrorCodes.Contains("missing-input-secret")
            ? new ChallengeCheckView(false, "Cloudflare rejected ESPER_TURNSTILE_SECRET_KEY")
            : new ChallengeCheckView(true, "site and secret keys are set and siteverify accepted the secret");
    }
}
