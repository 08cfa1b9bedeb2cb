using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Esper.Api.Http;

namespace Esper.Api.Config;

/// <summary>
/// Checks a config body against the resource's JSON contract before it is deserialised, so a misspelt field is
/// refused instead of silently ignored and a number that does not fit says so, each naming the field.
/// Free-form values (a policy's <c>scope</c> tree) are not walked.
/// </summary>
internal static class BodyContract
{
    public static FieldError? Check(JsonElement element, JsonTypeInfo typeInfo, string what) => Check(element, typeInfo, "", what);

    private static FieldError? Check(JsonElement element, JsonTypeInfo typeInfo, string path, string what)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    var match = Find(typeInfo, property.Name);
                    if (match is null)
                    {
                        var known = string.Join(", ", typeInfo.Properties.Select(static p => p.Name));
                        return new FieldError(child, $"is not a field of {(path.Length == 0 ? what : $"'{path}'")}; the fields are {known}");
                    }

                    if (Nested(typeInfo, match.PropertyType) is { } inner && Check(property.Value, inner, child, what) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && typeInfo.ElementType is { } itemType:
                var items = Nested(typeInfo, itemType);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (items is not null && Check(item, items, $"{path}[{index}]", what) is { } error)
                    {
                        return error;
                    }

                    index++;
                }

                return null;
            case JsonTypeInfoKind.Dictionary when element.ValueKind == JsonValueKind.Object && typeInfo.ElementType is { } valueType:
                var values = Nested(typeInfo, valueType);
                foreach (var property in element.EnumerateObject())
                {
                    if (values is not null && Check(property.Value, values, $"{path}.{property.Name}", what) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonTypeInfoKind.None when element.ValueKind == JsonValueKind.Number:
                return Number(element, Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type, path);
            default:
                return null;
        }
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo typeInfo, string name)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    private static JsonTypeInfo? Nested(JsonTypeInfo parent, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) is { } underlying && underlying != typeof(JsonElement) && !IsNumber(underlying) ? underlying : type;
        if (target == typeof(JsonElement) || target == typeof(JsonElement?))
        {
            return null;
        }

        try
        {
            return parent.Options.GetTypeInfo(target);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsNumber(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(double);

    private static FieldError? Number(JsonElement element, Type type, string path)
    {
        if (type == typeof(int) && !element.TryGetInt32(out _))
        {
            return new FieldError(path, $"must be a whole number from {int.MinValue} to {int.MaxValue}; got {element.GetRawText()}");
        }

        if (type == typeof(long) && !element.TryGetInt64(out _))
        {
            return new FieldError(path, $"must be a whole number from {long.MinValue} to {long.MaxValue}; got {element.GetRawText()}");
        }

        if (type == typeof(double) && !(element.TryGetDouble(out var value) && double.IsFinite(value)))
        {
            return new FieldError(path, $"must be a finite number; got {element.GetRawText()}");
        }

        return null;
    }
}
