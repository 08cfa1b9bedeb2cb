using System.Text.Json;

namespace Esper.Core.Fields;

/// <summary>Flattens a JSON body into dotted paths (<c>user.email</c>, <c>items.0.sku</c>) holding scalar text.</summary>
internal static class BodyFlattener
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = FieldLimits.MaxBodyDepth + 2 };

    /// <summary>Flattens; an unreadable body (only possible for hand-built events) flattens to nothing.</summary>
    public static Dictionary<string, string> Flatten(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            Walk(document.RootElement, string.Empty, fields);
        }
        catch (JsonException)
        {
            fields.Clear();
        }

        return fields;
    }

    /// <summary>The text a scalar JSON value encodes to; null for null, objects and arrays.</summary>
    public static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static void Walk(JsonElement element, string prefix, Dictionary<string, string> fields)
    {
        if (fields.Count >= FieldLimits.MaxBodyLeaves)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, fields);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var key = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Walk(item, prefix.Length == 0 ? key : prefix + "." + key, fields);
                    index++;
                }

                break;
            default:
                if (ScalarText(element) is { } text)
                {
                    fields.TryAdd(prefix, text);
                }

                break;
        }
    }
}
