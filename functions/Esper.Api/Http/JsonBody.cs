using System.Text;
using System.Text.Json;

namespace Esper.Api.Http;

/// <summary>Parses a request body as JSON within the limits, or says which field broke them.</summary>
internal static class JsonBody
{
    public static bool TryParse(ApiRequest request, RequestLimits limits, out JsonDocument? document, out ApiResponse? problem)
    {
        document = null;
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

        try
        {
            document = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? path : "$";
            problem = Problems.Validation(where, $"Malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}.");
            return false;
        }

        var properties = 0;
        if (Check(document.RootElement, "$", limits, ref properties) is { } error)
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

    public static ApiResponse TooLarge(string detail, FieldError? error = null) =>
        Problems.Create(413, "too-large", "The request is too large.", detail, error is null ? null : [error]);

    private static FieldError? Check(JsonElement element, string path, RequestLimits limits, ref int properties)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString()!.Length > limits.MaxStringLength
                    ? new FieldError(path, $"is longer than {limits.MaxStringLength} characters")
                    : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (++properties > limits.MaxJsonProperties)
                    {
                        return new FieldError(path, $"too many fields: the limit is {limits.MaxJsonProperties} in one body");
                    }

                    var childPath = Child(path, property.Name);
                    if (property.Name.Length > limits.MaxStringLength)
                    {
                        return new FieldError(childPath, $"field name is longer than {limits.MaxStringLength} characters");
                    }

                    if (Check(property.Value, childPath, limits, ref properties) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Check(item, $"{path}[{index++}]", limits, ref properties) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            default:
                return null;
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
