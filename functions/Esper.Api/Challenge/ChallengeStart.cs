namespace Esper.Api.Challenge;

/// <summary>The outcome of starting a challenge: where to send the visitor, or why no managed challenge could be started.</summary>
/// <param name="RedirectUrl">The challenge page, <c>{ESPER_PUBLIC_URL}/challenge/{session id}</c>.</param>
/// <param name="SessionId">The session id.</param>
/// <param name="ExpiresAt">When the page stops accepting a solve.</param>
/// <param name="Error">Why there is no redirect (no public URL, return URL refused, provider unavailable).</param>
internal sealed record ChallengeStart(string? RedirectUrl, string? SessionId, DateTimeOffset? ExpiresAt, string? Error);
