namespace Esper.Api.Challenge;

/// <summary>How a solve attempt ended.</summary>
internal enum ChallengeSolveOutcome
{
    /// <summary>Solved: send the visitor to <see cref="ChallengeSolveResult.Location"/>.</summary>
    Solved,

    /// <summary>The session is unknown, expired or already solved.</summary>
    Gone,

    /// <summary>The answer was wrong or missing; the visitor may try the same page again.</summary>
    Rejected,

    /// <summary>The provider could not be asked (siteverify unreachable).</summary>
    Unavailable,
}
