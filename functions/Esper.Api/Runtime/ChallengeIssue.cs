namespace Esper.Api.Runtime;

/// <summary>The outcome of starting a challenge for a decision.</summary>
/// <param name="RedirectUrl">Where to send the visitor, or null.</param>
/// <param name="Error">Why there is no <paramref name="RedirectUrl"/> (the missing setting or refused return URL), or null.</param>
public sealed record ChallengeIssue(string? RedirectUrl, string? Error);
