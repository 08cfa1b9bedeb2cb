using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>The request's extra <c>fields</c>: endpoint metadata, then the options' callback (which wins on a repeated name).</summary>
internal static class EventFields
{
    public static Dictionary<string, string>? Collect(HttpContext context, EsperOptions options)
    {
        Dictionary<string, string>? result = null;
        if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<EsperFieldAttribute>() is { Count: > 0 } fixedFields)
        {
            result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in fixedFields)
            {
                result[field.Name] = field.Value;
            }
        }

        if (options.Fields?.Invoke(context) is { } extra)
        {
            result ??= new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in extra)
            {
                if (result.Count < EventJson.MaxEntries)
                {
                    result[name] = value.Length <= EventJson.MaxValueLength ? value : EventJson.Clip(value).ToString();
                }
            }
        }

        return result;
    }

    public static void Write(Utf8JsonWriter writer, Dictionary<string, string>? fields)
    {
        if (fields is null)
        {
            return;
        }

        writer.WriteStartObject(EventJson.Fields);
        foreach (var (name, value) in fields)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }
}
