using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Esper.AspNetCore;

/// <summary>Writes the forwarded request headers, names lower-cased, under the options' allow and deny lists.</summary>
internal static class EventHeaders
{
    public static void Write(Utf8JsonWriter writer, IHeaderDictionary headers, EsperOptions options)
    {
        var count = 0;
        if (headers is HeaderDictionary plain)
        {
            // Test servers and some hosts use the plain dictionary: its struct enumerator is not boxed.
            foreach (var (name, values) in plain)
            {
                if (count == EventJson.MaxEntries)
                {
                    break;
                }

                WriteOne(writer, name, values, options, ref count);
            }
        }
        else
        {
            foreach (var (name, values) in headers)
            {
                if (count == EventJson.MaxEntries)
                {
                    break;
                }

                WriteOne(writer, name, values, options, ref count);
            }
        }

        if (count > 0)
        {
            writer.WriteEndObject();
        }
    }

    private static void WriteOne(Utf8JsonWriter writer, string name, StringValues values, EsperOptions options, ref int count)
    {
        var authorization = options.ForwardAuthorization && string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase);
        if ((!authorization && options.DenyHeaders.Contains(name)) || (options.ForwardHeaders is { } allow && !allow.Contains(name)))
        {
            return;
        }

        if (count++ == 0)
        {
            writer.WriteStartObject(EventJson.Headers);
        }

        Span<char> lower = stackalloc char[128];
        if (name.Length <= lower.Length)
        {
            var written = name.AsSpan().ToLowerInvariant(lower);
            writer.WritePropertyName(lower[..written]);
        }
        else
        {
            writer.WritePropertyName(name.ToLowerInvariant());
        }

        writer.WriteStringValue(EventJson.Clip(values.ToString()));
    }
}
