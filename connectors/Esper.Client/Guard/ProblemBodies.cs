using System.Text;
using System.Text.Json;

namespace Esper.Client.Guard;

/// <summary>The problem+json bodies a connector answers (written without reflection).</summary>
internal static class ProblemBodies
{
    public const string ContentType = "application/problem+json";

    public static string Blocked(int status, EsperDecision decision) =>
        Write("blocked", "The request was blocked.", status, decision.Block?.Message ?? "This request was blocked by the site's security policy.", decision.DecisionId, null);

    public static string Challenged(int status, EsperDecision decision, string? redirectUrl) =>
        Write("challenge", "A challenge is required.", status,
            redirectUrl is null ? "Complete a challenge in a browser to continue." : "Complete the challenge at redirect_url to continue.",
            decision.DecisionId, redirectUrl);

    public static string Unavailable(int status) =>
        Write("unavailable", "The request could not be checked.", status, "The security check is unavailable; try again shortly.", null, null);

    private static string Write(string code, string title, int status, string detail, string? decisionId, string? redirectUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "urn:esper:problem:" + code);
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            if (decisionId is not null)
            {
                json.WriteString("decision_id", decisionId);
            }

            if (redirectUrl is not null)
            {
                json.WriteString("redirect_url", redirectUrl);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
