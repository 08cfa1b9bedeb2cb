using System.Text;
using System.Text.Json;
using Esper.Lambda;

namespace LambdaSample;

/// <summary>The function: Esper first, then its own work (here, a greeting naming the path).</summary>
internal sealed class Function(EsperLambdaGuard esper)
{
    /// <summary>Handles one API Gateway (v1, v2) or function URL event and returns the response to send.</summary>
    public async Task<string> HandleAsync(string eventJson, CancellationToken cancellationToken)
    {
        var check = await esper.CheckAsync(eventJson, cancellationToken);
        if (!check.Continue)
        {
            // Block, challenge or the proof-return redirect: Esper.Lambda wrote the whole response.
            return check.ResponseJson!;
        }

        using var request = JsonDocument.Parse(eventJson);
        var path = request.RootElement.TryGetProperty("rawPath", out var rawPath) ? rawPath.GetString() : request.RootElement.GetProperty("path").GetString();
        return Respond(200, $"Hello from {path}.");
    }

    private static string Respond(int status, string text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("statusCode", status);
            json.WriteStartObject("headers");
            json.WriteString("Content-Type", "text/plain; charset=utf-8");
            json.WriteEndObject();
            json.WriteString("body", text);
            json.WriteBoolean("isBase64Encoded", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
