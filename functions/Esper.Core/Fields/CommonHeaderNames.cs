using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>
/// Header names that nearly every request carries, as shared string instances: reading one from an event body
/// compares its UTF-8 bytes with the table instead of allocating a new string for it on every request.
/// </summary>
internal static class CommonHeaderNames
{
    private const int MaxLength = 32;

    private static readonly string[] Names =
    [
        "accept", "accept-encoding", "accept-language", "authorization", "cache-control", "cf-connecting-ip",
        "connection", "content-length", "content-type", "cookie", "dnt", "forwarded", "host", "if-modified-since",
        "if-none-match", "origin", "pragma", "priority", "referer", "sec-ch-ua", "sec-ch-ua-mobile",
        "sec-ch-ua-platform", "sec-fetch-dest", "sec-fetch-mode", "sec-fetch-site", "sec-fetch-user",
        "true-client-ip", "upgrade-insecure-requests", "user-agent", "via", "x-forwarded-for", "x-forwarded-host",
        "x-forwarded-proto", "x-real-ip", "x-request-id", "x-requested-with",
    ];

    // The names by their UTF-8 length: a lookup compares the bytes with the few names of that length.
    private static readonly (byte[] Utf8, string Name)[][] ByLength = BuildByLength();

    /// <summary>The property's name: the shared instance when it is a common header name as written, else a new string.</summary>
    public static string NameOf(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0 && Lookup(raw) is { } name)
        {
            return name;
        }

        return property.Name;
    }

    /// <summary>The property name under the reader, as <see cref="NameOf(JsonProperty)"/> reads it.</summary>
    public static string NameOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && Lookup(reader.ValueSpan) is { } name)
        {
            return name;
        }

        return reader.GetString()!;
    }

    private static string? Lookup(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxLength)
        {
            return null;
        }

        foreach (var (utf8, name) in ByLength[raw.Length])
        {
            if (raw.SequenceEqual(utf8))
            {
                return name;
            }
        }

        return null;
    }

    private static (byte[] Utf8, string Name)[][] BuildByLength()
    {
        var table = new (byte[] Utf8, string Name)[MaxLength + 1][];
        for (var length = 0; length <= MaxLength; length++)
        {
            table[length] = [.. Names.Where(n => n.Length == length).Select(static n => (Encoding.ASCII.GetBytes(n), n))];
        }

        return table;
    }
}
