using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Strict RFC 3339 date-time: full date, 'T', full time, optional fraction, and 'Z' or a numeric offset.</summary>
internal static class ObservedAtParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>Reads a JSON string; the common upper-case forms take the allocation-free JSON date parser.</summary>
    public static bool TryParse(JsonElement element, out DateTimeOffset value)
    {
        if (HasTimeAndOffset(JsonMarshal.GetRawUtf8Value(element)) && element.TryGetDateTimeOffset(out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return TryParse(element.GetString(), out value);
    }

    /// <summary>Reads the unescaped JSON string under the reader, as <see cref="TryParse(JsonElement, out DateTimeOffset)"/> reads an element.</summary>
    public static bool TryParse(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (HasTimeAndOffsetText(reader.ValueSpan) && reader.TryGetDateTimeOffset(out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return TryParse(reader.GetString(), out value);
    }

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40 || text.EndsWith(".Z", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // RFC 3339 allows lower-case 't' and 'z'.
        return DateTimeOffset.TryParseExact(
            text.ToUpperInvariant(),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    // The JSON parser also takes ISO 8601 forms RFC 3339 does not (a date alone, no offset): insist on both parts.
    // Reads the raw JSON string (quotes included, no escapes in a valid timestamp) without allocating.
    private static bool HasTimeAndOffset(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 22 || raw[0] != (byte)'"' || raw[^1] != (byte)'"')
        {
            return false;
        }

        return HasTimeAndOffsetText(raw[1..^1]);
    }

    private static bool HasTimeAndOffsetText(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20)
        {
            return false;
        }

        return text[10] == (byte)'T' && text[13] == (byte)':' && text[16] == (byte)':' &&
               (text[^1] == (byte)'Z' || (text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));
    }
}
