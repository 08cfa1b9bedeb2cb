namespace Esper.Api.Challenge;

/// <summary>The outcome of exchanging a proof for a pass.</summary>
/// <param name="Pass">The pass token, when the proof was accepted.</param>
/// <param name="PassExpiresAt">When the pass expires.</param>
/// <param name="Failure">Why the proof was refused (<see cref="ChallengeTokenFailure.None"/> when accepted).</param>
internal sealed record ProofVerifyResult(string? Pass, DateTimeOffset? PassExpiresAt, ChallengeTokenFailure Failure)
{
    public bool Accepted => Failure == ChallengeTokenFailure.None;

    public static ProofVerifyResult Refused(ChallengeTokenFailure failure) => new(null, null, failure);
}
