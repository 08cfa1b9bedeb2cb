using System.Text.Json.Serialization;

namespace Esper.Api.Contracts;

/// <summary>
/// The challenge page's form post (<c>application/x-www-form-urlencoded</c>): the proof-of-work nonce, or the token
/// Turnstile's widget put in the form.
/// </summary>
internal sealed record ChallengeSolveForm(
    string? Nonce = null,
    [property: JsonPropertyName("cf-turnstile-response")] string? CfTurnstileResponse = null);
