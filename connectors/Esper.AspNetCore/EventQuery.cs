using System.Text.Json;
using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>
/// Writes <c>query_params</c> (first value of each name, the proof parameter left out) from the raw query string,
/// so the request's query collection is not parsed just for Esper. A query whose names are percent- or
/// plus-encoded goes through <see cref="HttpRequest.Query"/>, which decodes them.
/// </summary>
internal static class EventQuery
{
    public static void Write(Utf8JsonWriter writer, HttpRequest request)
    {
        var raw = request.QueryString.Value;
        if (raw is not { Length: > 1 })
        {
            return;
        }

        if (NamesAreEncoded(raw))
        {
            WriteParsed(writer, request.Query);
            return;
        }

        Span<Range> written = stackalloc Range[EventJson.MaxEntries];
        var count = 0;
        var query = raw.AsSpan(1);
        foreach (var segment in query.Split('&'))
        {
            if (count == EventJson.MaxEntries)
            {
                break;
            }

            var pair = query[segment];
            var equals = pair.IndexOf('=');
            var name = equals >= 0 ? pair[..equals] : pair;
            if (name.IsEmpty || name.SequenceEqual(ProofParameter.Name) || Seen(query, written[..count], name))
            {
                continue;
            }

            if (count == 0)
            {
                writer.WriteStartObject(EventJson.QueryParams);
            }

            var start = segment.Start.GetOffset(query.Length);
            written[count++] = new Range(start, start + name.Length);
            writer.WritePropertyName(name);
            WriteValue(writer, equals >= 0 ? pair[(equals + 1)..] : []);
        }

        if (count > 0)
        {
            writer.WriteEndObject();
        }
    }

    private static bool NamesAreEncoded(string raw)
    {
        foreach (var segment in raw.AsSpan(1).Split('&'))
        {
            var pair = raw.AsSpan(1)[segment];
            var equals = pair.IndexOf('=');
            if ((equals >= 0 ? pair[..equals] : pair).IndexOfAny('%', '+') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Seen(ReadOnlySpan<char> query, ReadOnlySpan<Range> written, ReadOnlySpan<char> name)
    {
        foreach (var range in written)
        {
            if (query[range].SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    // Values decode as the query collection decodes them: '+' is a space, then percent-escapes.
    private static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<char> value)
    {
        value = EventJson.Clip(value);
        if (value.IndexOfAny('%', '+') < 0)
        {
            writer.WriteStringValue(value);
            return;
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(value.Length * 2);
        try
        {
            var plus = buffer.AsSpan(0, value.Length);
            value.CopyTo(plus);
            plus.Replace('+', ' ');
            var decoded = buffer.AsSpan(value.Length);
            writer.WriteStringValue(Uri.TryUnescapeDataString(plus, decoded, out var length) ? decoded[..length] : plus);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void WriteParsed(Utf8JsonWriter writer, IQueryCollection query)
    {
        var count = 0;
        foreach (var (name, values) in query)
        {
            if (count == EventJson.MaxEntries)
            {
                break;
            }

            if (name.Length == 0 || name == ProofParameter.Name || values.Count == 0)
            {
                continue;
            }

            if (count++ == 0)
            {
                writer.WriteStartObject(EventJson.QueryParams);
            }

            writer.WriteString(name, EventJson.Clip(values[0] ?? ""));
        }

        if (count > 0)
        {
            writer.WriteEndObject();
        }
    }
}
