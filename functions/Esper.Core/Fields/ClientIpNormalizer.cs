using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Esper.Core.Fields;

/// <summary>Turns a client IP as sent (maybe a forwarded-for list, maybe with a port) into canonical text.</summary>
internal static class ClientIpNormalizer
{
    /// <summary>Canonical text of the first hop, or null when it is not an IP address.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var span = raw.AsSpan();
        var comma = span.IndexOf(',');
        if (comma >= 0)
        {
            span = span[..comma];
        }

        span = span.Trim();
        if (IsCanonicalIPv4(span))
        {
            // The common case: already canonical, no allocation.
            return span.Length == raw.Length ? raw : span.ToString();
        }

        if (!TryParse(span, out var parsed))
        {
            return null;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            parsed = parsed.MapToIPv4();
        }

        return parsed.ToString();
    }

    private static bool TryParse(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Length == 0)
        {
            return false;
        }

        if (text[0] == '[')
        {
            // [v6] or [v6]:port
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            text = text[1..close];
        }
        else if (text.IndexOf(':') is var colon && colon >= 0 && text.LastIndexOf(':') == colon)
        {
            // Exactly one colon: IPv4 with a port.
            text = text[..colon];
        }

        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            // Zone ids are local to the sender's host; they never identify a client.
            text = text[..percent];
        }

        if (text.Contains(':'))
        {
            return IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        return TryParseDottedQuad(text, out address);
    }

    private static bool IsCanonicalIPv4(ReadOnlySpan<char> text)
    {
        int parts = 0, digits = 0, value = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '.')
            {
                if (digits == 0 || ++parts > 4)
                {
                    return false;
                }

                digits = 0;
                value = 0;
                continue;
            }

            var c = text[i];
            if (!char.IsAsciiDigit(c) || (digits == 1 && value == 0))
            {
                return false; // not a digit, or a leading zero
            }

            value = (value * 10) + (c - '0');
            if (++digits > 3 || value > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    // IPAddress.TryParse accepts shorthand such as "1" or "1.2" and octal parts; a client IP is four decimal parts.
    private static bool TryParseDottedQuad(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        foreach (var range in text.Split('.'))
        {
            var segment = text[range];
            if (part == 4 || segment.Length is 0 or > 3 ||
                !int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
            {
                return false;
            }

            bytes[part++] = (byte)value;
        }

        if (part != 4)
        {
            return false;
        }

        address = new IPAddress(bytes);
        return true;
    }
}
