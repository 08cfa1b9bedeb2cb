namespace Esper.Core.Fields;

/// <summary>Splits a query string or a Cookie header into names and values; the first occurrence of a name wins.</summary>
internal static class NameValueParser
{
    public static void ParseQuery(string query, Dictionary<string, string> into, int limit)
    {
        foreach (var range in query.AsSpan().Split('&'))
        {
            var pair = query.AsSpan()[range];
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (name.Length > 0 && into.Count < limit)
            {
                into.TryAdd(name, value);
            }
        }
    }

    public static void ParseCookieHeader(string header, Dictionary<string, string> into, int limit)
    {
        foreach (var range in header.AsSpan().Split(';'))
        {
            var pair = header.AsSpan()[range].Trim();
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = pair[..equals].Trim().ToString().ToLowerInvariant();
            var value = pair[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            if (into.Count < limit)
            {
                into.TryAdd(name, value.ToString());
            }
        }
    }

    // Form encoding: '+' is a space, then percent-decoding.
    private static string Decode(ReadOnlySpan<char> text)
    {
        var s = text.ToString();
        if (s.Contains('+'))
        {
            s = s.Replace('+', ' ');
        }

        return s.Contains('%') ? Uri.UnescapeDataString(s) : s;
    }
}
