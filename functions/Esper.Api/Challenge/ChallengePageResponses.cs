using System.Security.Cryptography;
using System.Text;
using Esper.Api.Http;

namespace Esper.Api.Challenge;

/// <summary>HTML and redirect responses of the browser-facing challenge routes, with their security headers.</summary>
internal static class ChallengePageResponses
{
    public static ApiResponse Page(ChallengeSession session, ChallengeSettings settings)
    {
        var nonce = NewNonce();
        return Html(200, ChallengePage.Render(session, settings, nonce));
    }

    /// <summary>
    /// An error for the visitor: an HTML page, unless the client asks for JSON and not HTML (Accept names a JSON type
    /// and no text/html), which gets problem+json like the rest of the API. <c>*/*</c> and no Accept get the page.
    /// </summary>
    public static ApiResponse Message(ApiRequest request, int status, string code, string title, string message, string? retryHref, string? field = null)
    {
        if (!WantsJson(request))
        {
            return Html(status, ChallengePage.RenderMessage(title, message, retryHref, NewNonce()));
        }

        return Problems.Create(status, code, title, field is null ? message : $"{field}: {message}", field is null ? null : [new FieldError(field, message)]);
    }

    private static bool WantsJson(ApiRequest request) =>
        request.Headers.TryGetValue("Accept", out var accept)
        && accept.Contains("json", StringComparison.OrdinalIgnoreCase)
        && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static ApiResponse SeeOther(string location) => new()
    {
        StatusCode = 303,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Location"] = location,
            ["Cache-Control"] = "no-store",
            ["Referrer-Policy"] = "no-referrer",
        },
    };

    private static ApiResponse Html(int status, ChallengePageContent content) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Body = Encoding.UTF8.GetBytes(content.Html),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Security-Policy"] = content.ContentSecurityPolicy,
            ["Cache-Control"] = "no-store",
            // The page URL holds the session id and the next URL holds the proof: neither may leak to other sites.
            ["Referrer-Policy"] = "no-referrer",
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["X-Robots-Tag"] = "noindex, nofollow",
        },
    };

    private static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
