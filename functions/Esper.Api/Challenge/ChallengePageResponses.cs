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

    public static ApiResponse Message(int status, string title, string message, string? retryHref) =>
        Html(status, ChallengePage.RenderMessage(title, message, retryHref, NewNonce()));

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
