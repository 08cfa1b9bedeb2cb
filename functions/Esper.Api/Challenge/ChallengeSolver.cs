using Esper.Core.Resources;

namespace Esper.Api.Challenge;

/// <summary>
/// Checks an answer posted from the challenge page (a proof-of-work nonce or a Turnstile token), ends the session
/// so it is solved once, and issues the proof token the visitor carries back to the return URL.
/// </summary>
internal sealed class ChallengeSolver(ChallengeSessionStore sessions, TurnstileClient turnstile, ChallengeSettings settings, TimeProvider time)
{
    /// <summary>Form field carrying the proof-of-work nonce.</summary>
    public const string NonceField = "nonce";

    /// <summary>Form field the Turnstile widget fills.</summary>
    public const string TurnstileField = "cf-turnstile-response";

    private readonly ChallengeTokenCodec _codec = new(settings.Keys);

    public async ValueTask<ChallengeSolveResult> SolveAsync(string sessionId, IReadOnlyDictionary<string, string> form, string? remoteIp, CancellationToken cancellationToken)
    {
        var loaded = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (loaded is not var (session, version))
        {
            return ChallengeSolveResult.Gone();
        }

        var answer = session.Provider == ChallengeProviders.Turnstile
            ? await CheckTurnstileAsync(form, remoteIp, cancellationToken).ConfigureAwait(false)
            : CheckProofOfWork(session, form);
        if (answer is not null)
        {
            return answer;
        }

        // Deleting with the read version makes a second, concurrent solve of the same session lose.
        if (!await sessions.CompleteAsync(session, version, cancellationToken).ConfigureAwait(false))
        {
            return ChallengeSolveResult.Gone();
        }

        var now = time.GetUtcNow();
        var proof = _codec.Sign(new ChallengeTokenClaims
        {
            Kind = ChallengeTokenKinds.Proof,
            TenantId = session.TenantId,
            EntityKeyHash = ChallengeTokenCodec.HashEntityKey(session.EntityKey),
            Origin = session.ReturnOrigin,
            Id = ChallengeText.RandomId(),
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + settings.ProofLifetime).ToUnixTimeSeconds(),
        });
        return ChallengeSolveResult.Solved(WithProof(session.ReturnUrl, proof));
    }

    /// <summary>The return URL with <c>esper_challenge_proof</c> set (replacing any earlier one), fragment kept.</summary>
    internal static string WithProof(string returnUrl, string proof)
    {
        var builder = new UriBuilder(returnUrl);
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(static p => !p.StartsWith(ChallengePassContract.ProofParameter + "=", StringComparison.Ordinal) && p != ChallengePassContract.ProofParameter);
        builder.Query = string.Join('&', kept.Append($"{ChallengePassContract.ProofParameter}={Uri.EscapeDataString(proof)}"));
        return builder.Uri.AbsoluteUri;
    }

    private static ChallengeSolveResult? CheckProofOfWork(ChallengeSession session, IReadOnlyDictionary<string, string> form)
    {
        if (!form.TryGetValue(NonceField, out var nonce) || string.IsNullOrEmpty(nonce))
        {
            return ChallengeSolveResult.Rejected(NonceField, "The puzzle answer is missing. Please let the page finish its check.");
        }

        return ProofOfWork.Verify(session.PowChallenge, nonce, session.Difficulty)
            ? null
            : ChallengeSolveResult.Rejected(NonceField, "The puzzle answer was not accepted. Please try again.");
    }

    private async ValueTask<ChallengeSolveResult?> CheckTurnstileAsync(IReadOnlyDictionary<string, string> form, string? remoteIp, CancellationToken cancellationToken)
    {
        if (!form.TryGetValue(TurnstileField, out var token) || string.IsNullOrEmpty(token) || token.Length > TurnstileClient.MaxTokenLength)
        {
            return ChallengeSolveResult.Rejected(TurnstileField, "The security check was not completed. Please complete it and try again.");
        }

        var result = await turnstile.VerifyAsync(token, remoteIp, cancellationToken).ConfigureAwait(false);
        if (!result.Reachable)
        {
            return ChallengeSolveResult.Unavailable("The security check could not be confirmed right now. Please try again in a moment.");
        }

        return result.Success
            ? null
            : ChallengeSolveResult.Rejected(TurnstileField, "The security check was not accepted. Please try again.");
    }
}
