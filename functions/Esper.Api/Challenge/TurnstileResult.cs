namespace Esper.Api.Challenge;

/// <summary>The outcome of a siteverify check.</summary>
/// <param name="Success">True when Cloudflare accepted the token (and the hostname matched, when one is expected).</param>
/// <param name="Reachable">False when siteverify could not be reached or answered nonsense.</param>
/// <param name="ErrorCodes">Cloudflare's error codes, plus <c>hostname-mismatch</c> when the hostname differed.</param>
internal sealed record TurnstileResult(bool Success, bool Reachable, IReadOnlyList<string> ErrorCodes);
