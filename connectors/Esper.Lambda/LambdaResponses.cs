using System.Text;
using System.Text.Json;
using Esper.Client.Guard;

namespace Esper.Lambda;

/// <summary>Writes the API Gateway / function URL response for a redirect or a denial (no reflection).</summary>
internal static class LambdaResponses
{
    public static string Write(EsperVerdict verdict, bool version2)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var redirect = verdict.Kind == EsperVerdictKind.Redirect;
            json.WriteStartObject();
            json.WriteNumber("statusCode", redirect ? 302 : verdict.StatusCode);
            json.WriteStartObject("headers");
            json.WriteString("Cache-Control", "no-store");
            if (redirect)
            {
                json.WriteString("Location", verdict.Location);
            }
            else
            {
                json.WriteString("Content-Type", "application/problem+json");
            }

            json.WriteEndObject();
            if (verdict.SetCookie is { } cookie)
            {
                // v2 and function URLs take cookies in their own list; v1 in multiValueHeaders.
                if (version2)
                {
                    json.WriteStartArray("cookies");
                    json.WriteStringValue(cookie);
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteStartObject("multiValueHeaders");
                    json.WriteStartArray("Set-Cookie");
                    json.WriteStringValue(cookie);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteString("body", redirect ? "" : verdict.Body ?? "");
            json.WriteBoolean("isBase64Encoded", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

}
