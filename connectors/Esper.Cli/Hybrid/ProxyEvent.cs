using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Esper.Cli.Hybrid;

/// <summary>
/// What the enforcing proxy sends to the shared handler (a proxied request as a runtime event) and what it reads back
/// from the answer (the action and the hybrid key), without a document tree either way.
/// </summary>
internal static class ProxyEvent
{
    private const int MaxStackName = 256;

    // One writer and buffer per thread, reset for each request: a proxied request allocates only the event's bytes.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>The request as a runtime event (nested form); the body is not read, so it streams to the app untouched.</summary>
    public static byte[] Of(HttpContext context)
    {
        var request = context.Request;
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(2048);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("source"u8, "esper-run-proxy"u8);
        json.WriteStartObject("request"u8);
        json.WriteString("method"u8, request.Method);
        json.WriteString("path"u8, request.Path.HasValue ? request.Path.Value : "/");
        json.WriteString("client_ip"u8, context.Connection.RemoteIpAddress?.ToString());
        json.WriteString("user_agent"u8, request.Headers.UserAgent.ToString());
        json.WriteStartObject("headers"u8);
        foreach (var header in request.Headers)
        {
            if (!header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                WriteHeader(json, header.Key, header.Value.ToString());
            }
        }

        json.WriteEndObject();
        json.WriteStartObject("query_params"u8);
        if (request.QueryString.HasValue)
        {
            foreach (var item in request.Query)
            {
                json.WriteString(item.Key, item.Value.ToString());
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();

        return buffer.WrittenSpan.ToArray();
    }

    // Header names lower-cased without a string per header (Kestrel keeps the case the client sent).
    private static void WriteHeader(Utf8JsonWriter json, string name, string value)
    {
        if (name.Length > MaxStackName)
        {
            json.WriteString(name.ToLowerInvariant(), value);
            return;
        }

        Span<char> lower = stackalloc char[name.Length];
        name.AsSpan().ToLowerInvariant(lower);
        json.WriteString(lower, value);
    }

    /// <summary>The decision's <c>action</c> and <c>hybrid_key</c>; both null when the answer is not a decision.</summary>
    public static (string? Action, string? HybridKey) DecisionOf(ReadOnlySpan<byte> answer)
    {
        string? action = null;
        string? hybridKey = null;
        try
        {
            var reader = new Utf8JsonReader(answer);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAction = reader.ValueTextEquals("action"u8);
                var isKey = !isAction && reader.ValueTextEquals("hybrid_key"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                }
                else if (isAction)
                {
                    action = KnownAction(ref reader) ?? reader.GetString();
                }
                else if (isKey)
                {
                    hybridKey = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return (null, null);
        }

        return (action, hybridKey);
    }

    // The three actions without a string each time.
    private static string? KnownAction(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("allow"u8) ? "allow"
        : reader.ValueTextEquals("block"u8) ? "block"
        : reader.ValueTextEquals("challenge"u8) ? "challenge"
        : null;
}
