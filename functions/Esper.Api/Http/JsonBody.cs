using System.Text;
using System.Text.Json;

namespace Esper.Api.Http;

/// <summary>
/// Parses a request body as JSON within the limits, or says which field broke them. Every string and field name is
/// checked to be valid text (no invalid UTF-8, no lone UTF-16 surrogate escape), so nothing after this step can
/// fail to read one. In strict mode (config bodies) a field given twice in one object is refused.
/// </summary>
internal static class JsonBody
{
    public const string InvalidTextMessage = "is not valid text: it holds invalid UTF-8 or a lone UTF-16 surrogate escape (\\ud800-\\udfff without its pair)";

    public static bool TryParse(ApiRequest request, RequestLimits limits, out JsonDocument? document, out ApiResponse? problem) =>
        TryParse(request, limits, strict: false, out document, out problem);

    public static bool TryParse(ApiRequest request, RequestLimits limits, bool strict, out JsonDocument? document, out ApiResponse? problem)
    {
        document = null;
        if (!CheckEnvelope(request, limits, out problem))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? Field(path) : "$";
            problem = ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? Problems.Validation(where, $"is nested deeper than {limits.MaxJsonDepth} levels, the limit")
                : Problems.Validation(where, $"Malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {Reason(ex.Message)}");
            return false;
        }

        var properties = 0;
        if (Check(document.RootElement, "$", limits, strict, ref properties) is { } error)
        {
            document.Dispose();
            document = null;
            problem = error.Message.StartsWith("too many", StringComparison.Ordinal)
                ? TooLarge($"{error.Field}: {error.Message}", error)
                : Problems.Validation([error]);
            return false;
        }

        return true;
    }

    /// <summary>The checks made before the body is read: a JSON content type, the size limit, a body at all.</summary>
    public static bool CheckEnvelope(ApiRequest request, RequestLimits limits, out ApiResponse? problem)
    {
        problem = null;
        if (request.Headers.TryGetValue("Content-Type", out var contentType) && !string.IsNullOrWhiteSpace(contentType)
            && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            problem = Problems.Create(415, "unsupported-media-type", "The body must be JSON.", $"Content-Type '{contentType}' is not JSON; send application/json.");
            return false;
        }

        if (request.Body.Length > limits.MaxBodyBytes)
        {
            problem = TooLarge($"The body is {request.Body.Length} bytes; the limit is {limits.MaxBodyBytes}.");
            return false;
        }

        if (request.Body.IsEmpty)
        {
            problem = Problems.Validation("$", "A JSON body is required.");
            return false;
        }

        return true;
    }

    public static ApiResponse TooLarge(string detail, FieldError? error = null) =>
        Problems.Create(413, "too-large", "The request is too large.", detail, error is null ? null : [error]);

    /// <summary>Field paths are written without the leading <c>$.</c>, as every other problem names them.</summary>
    public static string Field(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Reason(string message)
    {
        // System.Text.Json ends its messages with its own position ("LineNumber: 0 | BytePositionInLine: 9."); ours is above.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static FieldError? Check(JsonElement element, string path, RequestLimits limits, bool strict, ref int properties)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (!TryText(element, out var text))
                {
                    return new FieldError(Field(path), InvalidTextMessage);
                }

                return text.Length > limits.MaxStringLength
                    ? new FieldError(Field(path), $"is longer than {limits.MaxStringLength} characters")
                    : null;
            case JsonValueKind.Object:
                HashSet<string>? seen = strict ? new HashSet<string>(StringComparer.Ordinal) : null;
                foreach (var property in element.EnumerateObject())
                {
                    if (++properties > limits.MaxJsonProperties)
                    {
                        return new FieldError(Field(path), $"too many fields: the limit is {limits.MaxJsonProperties} in one body");
                    }

                    if (!TryName(property, out var name))
                    {
                        return new FieldError(Field(path), "has a field name that " + InvalidTextMessage);
                    }

                    var childPath = Child(path, name);
                    if (name.Length > limits.MaxStringLength)
                    {
                        return new FieldError(Field(childPath), $"field name is longer than {limits.MaxStringLength} characters");
                    }

                    if (seen is not null && !seen.Add(name))
                    {
                        return new FieldError(Field(childPath), "is given twice in one object; give each field once");
                    }

                    if (Check(property.Value, childPath, limits, strict, ref properties) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index++}]", limits, strict, ref properties) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool TryText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate escape: System.Text.Json cannot transcode it to a .NET string.
            text = "";
            return false;
        }
    }

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static string Child(string path, string name)
    {
        var prefix = path == "$" ? "" : path + ".";
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return new StringBuilder(path == "$" ? "" : path).Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']").ToString();
            }
        }

        return prefix + name;
    }
}
