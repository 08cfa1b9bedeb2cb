namespace Esper.Api.Challenge;

/// <summary>The names connectors use to carry challenge proofs and passes.</summary>
internal static class ChallengePassContract
{
    /// <summary>Query parameter carrying the proof token back to the protected site.</summary>
    public const string ProofParameter = "esper_challenge_proof";

    /// <summary>First-party cookie holding the pass token.</summary>
    public const string CookieName = "esper_challenge";

    /// <summary>Request header that may carry the pass token instead of the cookie (non-browser clients, connectors).</summary>
    public const string HeaderName = "x-esper-challenge-pass";
}
