namespace Esper.Api.Challenge;

/// <summary>A rendered page and the Content-Security-Policy that must accompany it.</summary>
internal sealed record ChallengePageContent(string Html, string ContentSecurityPolicy);
