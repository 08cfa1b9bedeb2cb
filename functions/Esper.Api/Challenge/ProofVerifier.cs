namespace Esper.Api.Challenge;

/// <summary>
/// Exchanges a proof token for a pass: the proof must be authentic, unexpired, the caller's tenant's, for the
/// given origin (when the caller names the URL it received the proof on) and not spent before. Spending is a
/// put-if-absent on the proof id, so of two concurrent verifications exactly one wins.
/// </summary>
internal sealed class ProofVerifier(ChallengeSessionStore sessions, ChallengeSettings settings, TimeProvider time)
{
    private static readonly TimeSpan SpentMargin = TimeSpan.FromMinutes(5);

    private readonly ChallengeTokenCodec _codec = new(settings.Keys);

    public async ValueTask<ProofVerifyResult> VerifyAsync(string tenantId, string? proof, string? receivedOnUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var read = _codec.Read(proof, ChallengeTokenKinds.Proof, now);
        if (!read.IsValid)
        {
            return ProofVerifyResult.Refused(read.Failure);
        }

        var claims = read.Claims!;
        if (claims.TenantId != tenantId)
        {
            return ProofVerifyResult.Refused(ChallengeTokenFailure.WrongTenant);
        }

        if (receivedOnUrl is not null
            && (!Uri.TryCreate(receivedOnUrl, UriKind.Absolute, out var url) || ReturnUrlGuard.OriginOf(url) != claims.Origin))
        {
            return ProofVerifyResult.Refused(ChallengeTokenFailure.WrongOrigin);
        }

        // The spent marker outlives the proof by a margin so clock skew between hosts cannot reopen a replay window.
        var spentUntil = DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt) + SpentMargin;
        if (!await sessions.TrySpendProofAsync(tenantId, claims.Id, spentUntil, cancellationToken).ConfigureAwait(false))
        {
            return ProofVerifyResult.Refused(ChallengeTokenFailure.Replayed);
        }

        var expiresAt = now + settings.PassLifetime;
        var pass = _codec.Sign(claims with
        {
            Kind = ChallengeTokenKinds.Pass,
            Id = ChallengeText.RandomId(),
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = expiresAt.ToUnixTimeSeconds(),
        });
        return new ProofVerifyResult(pass, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()), ChallengeTokenFailure.None);
    }
}
