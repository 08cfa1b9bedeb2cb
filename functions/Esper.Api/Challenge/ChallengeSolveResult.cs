namespace Esper.Api.Challenge;

/// <summary>The outcome of a solve: the return URL carrying the proof, or what went wrong.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Location">For <see cref="ChallengeSolveOutcome.Solved"/>: the return URL with <c>esper_challenge_proof</c>.</param>
/// <param name="Field">The form field that was wrong, for rejections.</param>
/// <param name="Message">A sentence for the visitor.</param>
internal sealed record ChallengeSolveResult(ChallengeSolveOutcome Outcome, string? Location, string? Field, string Message)
{
    public static ChallengeSolveResult Solved(string location) => new(ChallengeSolveOutcome.Solved, location, null, "Solved.");

    public static ChallengeSolveResult Gone() => new(ChallengeSolveOutcome.Gone, null, null,
        "This check has expired or was already completed. Go back to the site and reload the page.");

    public static ChallengeSolveResult Rejected(string field, string message) => new(ChallengeSolveOutcome.Rejected, null, field, message);

    public static ChallengeSolveResult Unavailable(string message) => new(ChallengeSolveOutcome.Unavailable, null, null, message);
}
