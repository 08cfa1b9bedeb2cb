using Esper.Core.Resources;
using System.Globalization;
using System.Net;
using System.Text;

namespace Esper.Api.Challenge;

/// <summary>
/// Renders the challenge pages. Everything is inline (a few kilobytes, one request); the proof-of-work page makes
/// no third-party request at all, the Turnstile page loads only Cloudflare's widget. Values reach the script
/// through data attributes, so nothing is ever spliced into JavaScript source.
/// </summary>
internal static class ChallengePage
{
    /// <summary>The Turnstile widget script.</summary>
    public const string TurnstileScript = "https://challenges.cloudflare.com/turnstile/v0/api.js";

    private const string TurnstileOrigin = "https://challenges.cloudflare.com";

    // Called by the widget once solved; the widget has already put its token into the form.
    private const string TurnstileCallback =
        "function esperSolved(){document.getElementById('status').textContent='Check passed. Taking you back now.';document.getElementById('f').submit();}";

    /// <summary>The page for a pending session.</summary>
    public static ChallengePageContent Render(ChallengeSession session, ChallengeSettings options, string nonce)
    {
        var action = $"/challenge/{Uri.EscapeDataString(session.Id)}/solve";
        var body = session.Provider == ChallengeProviders.Turnstile
            ? TurnstileBody(action, options.TurnstileSiteKey ?? "", nonce)
            : ProofOfWorkBody(action, session, nonce);
        var csp = session.Provider == ChallengeProviders.Turnstile
            ? $"default-src 'none'; script-src 'nonce-{nonce}' {TurnstileOrigin}; frame-src {TurnstileOrigin}; connect-src {TurnstileOrigin}; style-src 'nonce-{nonce}'; form-action 'self' {session.ReturnOrigin}; base-uri 'none'; frame-ancestors 'none'"
            : $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; form-action 'self' {session.ReturnOrigin}; base-uri 'none'; frame-ancestors 'none'";
        return new ChallengePageContent(Document("Checking your browser", body, nonce), csp);
    }

    /// <summary>A page that explains why the visitor cannot continue, with an optional link to try again.</summary>
    public static ChallengePageContent RenderMessage(string title, string message, string? retryHref, string nonce)
    {
        var body = new StringBuilder()
            .Append("<h1>").Append(Encode(title)).Append("</h1>")
            .Append("<p role=\"alert\">").Append(Encode(message)).Append("</p>");
        if (retryHref is not null)
        {
            body.Append("<p><a class=\"button\" href=\"").Append(Encode(retryHref)).Append("\">Try again</a></p>");
        }

        return new ChallengePageContent(
            Document(title, body.ToString(), nonce),
            $"default-src 'none'; style-src 'nonce-{nonce}'; base-uri 'none'; frame-ancestors 'none'");
    }

    private static string ProofOfWorkBody(string action, ChallengeSession session, string nonce) => $"""
        <h1>Checking your browser</h1>
        <p id="what">This site is asking your browser to solve a short puzzle to show it is not an automated program; you will continue on your own in a moment.</p>
        <noscript><p><strong>This check needs JavaScript.</strong> Please allow JavaScript for this page and reload it. Nothing is installed and no personal data is collected.</p></noscript>
        <form id="f" method="post" action="{Encode(action)}" data-challenge="{Encode(session.PowChallenge)}" data-difficulty="{session.Difficulty.ToString(CultureInfo.InvariantCulture)}">
        <input type="hidden" name="nonce" id="nonce">
        <progress id="bar" aria-hidden="true" hidden></progress>
        <p id="status" role="status" aria-live="polite"></p>
        <button type="submit" id="go" hidden>Continue</button>
        </form>
        <p class="muted">The puzzle runs only in your browser and usually takes about a second.</p>
        <script nonce="{nonce}">{ProofOfWorkScript.Source}</script>
        """;

    private static string TurnstileBody(string action, string siteKey, string nonce) => $"""
        <h1>Checking your browser</h1>
        <p id="what">This site is asking you to complete a quick security check to show you are not an automated program; you will continue as soon as it passes.</p>
        <noscript><p><strong>This check needs JavaScript.</strong> Please allow JavaScript for this page and reload it.</p></noscript>
        <form id="f" method="post" action="{Encode(action)}">
        <div class="cf-turnstile" data-sitekey="{Encode(siteKey)}" data-callback="esperSolved"></div>
        <p id="status" role="status" aria-live="polite"></p>
        <button type="submit" id="go">Continue</button>
        </form>
        <script nonce="{nonce}">{TurnstileCallback}</script>
        <script nonce="{nonce}" src="{TurnstileScript}" async defer></script>
        """;

    private static string Document(string title, string body, string nonce) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{Encode(title)}</title>
        <style nonce="{nonce}">{ChallengePageStyles.Css}</style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>
        """;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
