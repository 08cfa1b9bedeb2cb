using System.Text.Json;
using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>
/// Writes <c>cookies</c>: every name, with its value only for the pass cookie and the options' <c>CookieValues</c>.
/// Read from the raw <c>Cookie</c> header so the cookie collection is not parsed just for Esper; a header with
/// escaped or quoted parts goes through <see cref="HttpRequest.Cookies"/>, which decodes them.
/// </summary>
internal static class EventCookies
{
    public static void Write(Utf8JsonWriter writer, HttpRequest request, EsperOptions options)
    {
        var headers = request.Headers.Cookie;
        if (headers.Count == 0)
        {
            return;
        }

        foreach (var header in headers)
        {
            if (header is not null && header.AsSpan().IndexOfAny('%', '"') >= 0)
            {
                WriteParsed(writer, request.Cookies, options);
                return;
            }
        }

        // Names already written, as (header, range) pairs: first value wins, as in the cookie collection.
        Span<(int Header, Range Name)> written = stackalloc (int, Range)[EventJson.MaxEntries];
        var count = 0;
        for (var h = 0; h < headers.Count && count < EventJson.MaxEntries; h++)
        {
            var header = (headers[h] ?? "").AsSpan();
            foreach (var segment in header.Split(';'))
            {
                if (count == EventJson.MaxEntries)
                {
                    break;
                }

                var pair = header[segment];
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var name = pair[..equals].Trim(' ');
                var start = segment.Start.GetOffset(header.Length) + pair[..equals].IndexOf(name);
                if (name.IsEmpty || Seen(headers, written[..count], name))
                {
                    continue;
                }

                if (count == 0)
                {
                    writer.WriteStartObject(EventJson.Cookies);
                }

                written[count++] = (h, new Range(start, start + name.Length));
                writer.WritePropertyName(name);
                writer.WriteStringValue(ForwardValue(name, options) ? EventJson.Clip(pair[(equals + 1)..].Trim(' ')) : []);
            }
        }

        if (count > 0)
        {
            writer.WriteEndObject();
        }
    }

    private static bool Seen(Microsoft.Extensions.Primitives.StringValues headers, ReadOnlySpan<(int Header, Range Name)> written, ReadOnlySpan<char> name)
    {
        foreach (var (header, range) in written)
        {
            if ((headers[header] ?? "").AsSpan()[range].SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ForwardValue(ReadOnlySpan<char> name, EsperOptions options)
    {
        if (name.SequenceEqual(ProofParameter.PassCookieName))
        {
            return true;
        }

        if (options.CookieValues.Count == 0)
        {
            return false;
        }

        return options.CookieValues is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.Contains(name)
            : options.CookieValues.Contains(name.ToString());
    }

    private static void WriteParsed(Utf8JsonWriter writer, IRequestCookieCollection cookies, EsperOptions options)
    {
        var count = 0;
        foreach (var (name, value) in cookies)
        {
            if (count == EventJson.MaxEntries)
            {
                break;
            }

            if (count++ == 0)
            {
                writer.WriteStartObject(EventJson.Cookies);
            }

            writer.WritePropertyName(name);
            writer.WriteStringValue(ForwardValue(name, options) ? EventJson.Clip(value) : []);
        }

        if (count > 0)
        {
            writer.WriteEndObject();
        }
    }
}
