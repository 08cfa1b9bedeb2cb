namespace Esper.Api.Challenge;

/// <summary>The two token kinds.</summary>
internal static class ChallengeTokenKinds
{
    /// <summary>Issued by a solve, carried back in <c>esper_challenge_proof</c>, spent once at the verify endpoint.</summary>
    public const string Proof = "proof";

    /// <summary>Issued by the verify endpoint, carried in the <c>esper_challenge</c> cookie or pass header.</summary>
    public const string Pass = "pass";
}
