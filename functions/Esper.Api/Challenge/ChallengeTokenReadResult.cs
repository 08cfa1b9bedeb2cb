namespace Esper.Api.Challenge;

/// <summary>The outcome of reading a token: its claims, or why it was rejected.</summary>
internal readonly record struct ChallengeTokenReadResult(ChallengeTokenClaims? Claims, ChallengeTokenFailure Failure)
{
    /// <summary>True when the token is authentic, of the expected kind and not expired.</summary>
    public bool IsValid => Failure == ChallengeTokenFailure.None;

    /// <summary>An accepted token.</summary>
    public static ChallengeTokenReadResult Valid(ChallengeTokenClaims claims) => new(claims, ChallengeTokenFailure.None);

    /// <summary>A rejected token.</summary>
    public static ChallengeTokenReadResult Rejected(ChallengeTokenFailure failure) => new(null, failure);
}
