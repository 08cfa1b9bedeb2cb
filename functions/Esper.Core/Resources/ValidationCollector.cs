using System.Text.Json;
using Esper.Core.Expressions;

namespace Esper.Core.Resources;

/// <summary>Collects every error of one resource (validation does not stop at the first).</summary>
internal sealed class ValidationCollector(Func<JsonElement, ExpressionCompileResult> compiler)
{
    public List<ValidationError> Errors { get; } = [];

    public void Add(string path, string message, int? position = null) => Errors.Add(new ValidationError(path, message, position));

    public void Id(string path, string? id, bool required)
    {
        if (string.IsNullOrEmpty(id))
        {
            if (required)
            {
                Add(path, "is required");
            }

            return;
        }

        if (id.Length > ResourceLimits.MaxIdLength)
        {
            Add(path, $"must be at most {ResourceLimits.MaxIdLength} characters");
            return;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                Add(path, "may contain only letters, digits, '_' and '-'");
                return;
            }
        }
    }

    public void Text(string path, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(path, "is required");
            }
            else if (value is { Length: > 0 })
            {
                Add(path, "must not be blank");
            }

            return;
        }

        if (value.Length > max)
        {
            Add(path, $"must be at most {max} characters");
        }
    }

    public void OneOf(string path, string? value, params string[] allowed)
    {
        if (value is not null && Array.IndexOf(allowed, value) >= 0)
        {
            return;
        }

        Add(path, $"must be one of: {string.Join(", ", allowed)}");
    }

    public void Range(string path, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(path, $"must be between {min} and {max}");
        }
    }

    public void Expression(string path, JsonElement? expression, bool required)
    {
        if (expression is not { } e || e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            if (required)
            {
                Add(path, "is required");
            }

            return;
        }

        if (e.ValueKind == JsonValueKind.String && e.GetString()!.Length > ResourceLimits.MaxExpressionTextLength)
        {
            Add(path, $"must be at most {ResourceLimits.MaxExpressionTextLength} characters");
            return;
        }

        if (e.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
        {
            Add(path, "must be a string (text form) or an object (tree form)");
            return;
        }

        var result = compiler(e);
        if (result.Error is { } error)
        {
            var at = error.Path is { Length: > 1 } p && p[0] == '$' ? path + (p[1] == '.' || p[1] == '[' ? p[1..] : "." + p[1..]) : path;
            Add(at, error.Message, error.Position);
        }
    }
}
