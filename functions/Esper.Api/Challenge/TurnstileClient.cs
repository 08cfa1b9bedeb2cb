using System.Net.Http.Json;
using System.Text.Json;

namespace Esper.Api.Challenge;

/// <summary>
/// Checks Turnstile tokens with Cloudflare's siteverify API. Takes its <see cref="HttpClient"/> from the caller so
/// hosts can hand it one from <c>IHttpClientFactory</c>; the URL comes from <see cref="ChallengeSettings.TurnstileVerifyUrl"/>.
/// </summary>
internal sealed class TurnstileClient(HttpClient http, ChallengeSettings options)
{
    /// <summary>Longest token Cloudflare issues.</summary>
    public const int MaxTokenLength = 2048;

    /// <summary>The code reported when the solve's hostname is not <see cref="ChallengeSettings.TurnstileExpectedHostname"/>.</summary>
    public const string HostnameMismatch = "hostname-mismatch";

    /// <summary>Verifies <paramref name="token"/>; never throws for network or protocol failures.</summary>
    public async Task<TurnstileResult> VerifyAsync(string token, string? remoteIp, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("secret", options.TurnstileSecretKey ?? ""),
            new("response", token),
        };
        if (!string.IsNullOrEmpty(remoteIp))
        {
            form.Add(new("remoteip", remoteIp));
        }

        TurnstileSiteverifyResponse? answer;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            using var response = await http.PostAsync(options.TurnstileVerifyUrl, content, cancellationToken).ConfigureAwait(false);
            answer = await response.Content.ReadFromJsonAsync(ChallengeJsonContext.Default.TurnstileSiteverifyResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException or TaskCanceledException)
        {
            return new TurnstileResult(false, false, ["siteverify-unreachable"]);
        }

        if (answer is null)
        {
            return new TurnstileResult(false, false, ["siteverify-unreachable"]);
        }

        if (answer.Success && options.TurnstileExpectedHostname is { } expected
            && !string.Equals(expected, answer.Hostname, StringComparison.OrdinalIgnoreCase))
        {
            return new TurnstileResult(false, true, [HostnameMismatch]);
        }

        return new TurnstileResult(answer.Success, true, answer.ErrorCodes);
    }
}
