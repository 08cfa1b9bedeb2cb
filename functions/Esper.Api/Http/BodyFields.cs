using System.Text.Json;

namespace Esper.Api.Http;

/// <summary>Reads typed fields of a JSON object body, collecting errors that name each field.</summary>
internal sealed class BodyFields(JsonElement root, string prefix = "")
{
    public List<FieldError> Errors { get; } = [];

    public bool IsObject => root.ValueKind == JsonValueKind.Object;

    /// <summary>Adds an error for each field of the body that is not one of <paramref name="known"/> (a typo would otherwise be ignored).</summary>
    public void OnlyKnown(params string[] known)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Errors.Add(new FieldError(prefix + property.Name, $"is not a known field; the fields are {string.Join(", ", known)}"));
            }
        }
    }

    public string? String(string name, bool required, int maxLength = 200)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Errors.Add(new FieldError(prefix + name, "is required"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(new FieldError(prefix + name, $"must be a string, not {Kind(value)}"));
            return null;
        }

        var text = value.GetString()!;
        if (required && text.Trim().Length == 0)
        {
            Errors.Add(new FieldError(prefix + name, "must not be empty"));
            return null;
        }

        if (text.Length > maxLength)
        {
            Errors.Add(new FieldError(prefix + name, $"must be at most {maxLength} characters"));
            return null;
        }

        return text;
    }

    public string? OneOf(string name, string[] allowed, string? defaultValue)
    {
        var text = String(name, required: defaultValue is null);
        if (text is null)
        {
            return Errors.Any(e => e.Field == prefix + name) ? null : defaultValue;
        }

        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Errors.Add(new FieldError(prefix + name, $"must be one of {string.Join(", ", allowed)}; got '{text}'"));
            return null;
        }

        return text;
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
