using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Esper.Cli.Hybrid;

/// <summary>
/// Turns a runtime event body into the bytes the daemon both decides on and queues for origin: one line of JSON that
/// carries an <c>idempotency_key</c>. The body is scanned once with a reader and reused as it is; a missing key is
/// spliced in after the opening brace, and line breaks (only possible as whitespace in valid JSON) become spaces.
/// Nothing is parsed into a tree or serialised again, except in the rare case of a key that is present but null.
/// </summary>
internal static class EventLine
{
    private static readonly byte[] KeyName = "idempotency_key"u8.ToArray();

    /// <summary>The line for <paramref name="body"/>, or null when it is not a JSON object (the handler answers that).</summary>
    public static byte[]? Of(byte[] body)
    {
        var (isObject, key) = Scan(body);
        if (!isObject)
        {
            return null;
        }

        return key switch
        {
            KeyState.Present => OneLine(body),
            KeyState.Missing => OneLine(WithKey(body)),
            _ => Rewritten(body),
        };
    }

    private static (bool IsObject, KeyState Key) Scan(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (false, KeyState.Missing);
            }

            var key = KeyState.Missing;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(KeyName))
                {
                    reader.Read();
                    key = reader.TokenType == JsonTokenType.Null ? KeyState.Null : KeyState.Present;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }

            return (true, key);
        }
        catch (JsonException)
        {
            return (false, KeyState.Missing);
        }
    }

    private static byte[] WithKey(byte[] body)
    {
        var open = Array.IndexOf(body, (byte)'{');
        var empty = body.AsSpan(open + 1).TrimStart(" \t\r\n"u8).StartsWith("}"u8);
        var field = Encoding.UTF8.GetBytes($"\"idempotency_key\":\"hyb_{Guid.NewGuid():n}\"{(empty ? "" : ",")}");
        var line = new byte[body.Length + field.Length];
        body.AsSpan(0, open + 1).CopyTo(line);
        field.CopyTo(line, open + 1);
        body.AsSpan(open + 1).CopyTo(line.AsSpan(open + 1 + field.Length));
        return line;
    }

    private static byte[] OneLine(byte[] json)
    {
        if (json.AsSpan().IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return json;
        }

        var copy = json.AsSpan().ToArray();
        copy.AsSpan().Replace((byte)'\r', (byte)' ');
        copy.AsSpan().Replace((byte)'\n', (byte)' ');
        return copy;
    }

    private static byte[] Rewritten(byte[] body)
    {
        var root = (JsonObject)JsonNode.Parse(body)!;
        root["idempotency_key"] = "hyb_" + Guid.NewGuid().ToString("n");
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private enum KeyState
    {
        Missing,
        Present,
        Null,
    }
}
