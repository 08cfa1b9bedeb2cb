using System.Globalization;
using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>
/// Reads the JSON tree form: <c>{"and": [...]}</c>, <c>{"or": [...]}</c>, <c>{"not": {...}}</c> and
/// <c>{"field": ..., "op": ..., "value": ...}</c>. Errors carry the JSON path of the offending node.
/// </summary>
internal static class TreeParser
{
    public static Condition Parse(JsonElement node, string path)
    {
        if (node.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return new ConstantCondition(node.ValueKind == JsonValueKind.True);
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new ExpressionSyntaxException("an expression node must be an object such as {\"field\": ..., \"op\": ..., \"value\": ...}", path);
        }

        if (node.TryGetProperty("and", out var and))
        {
            return ConditionFactory.And(Children(node, and, path, "and"));
        }

        if (node.TryGetProperty("or", out var or))
        {
            return ConditionFactory.Or(Children(node, or, path, "or"));
        }

        if (node.TryGetProperty("not", out var not))
        {
            OnlyKeys(node, path, "not");
            return ConditionFactory.Not(Parse(not, path + ".not"));
        }

        if (node.TryGetProperty("field", out _))
        {
            return ParseComparison(node, path);
        }

        throw new ExpressionSyntaxException("expected one of the keys 'and', 'or', 'not' or 'field'", path);
    }

    private static List<Condition> Children(JsonElement node, JsonElement list, string path, string key)
    {
        OnlyKeys(node, path, key);
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ExpressionSyntaxException($"'{key}' must be a list of expressions", path + "." + key);
        }

        var children = new List<Condition>();
        var index = 0;
        foreach (var child in list.EnumerateArray())
        {
            children.Add(Parse(child, $"{path}.{key}[{index++.ToString(CultureInfo.InvariantCulture)}]"));
        }

        return children;
    }

    private static Condition ParseComparison(JsonElement node, string path)
    {
        OnlyKeys(node, path, "field", "op", "operator", "value");
        var field = node.GetProperty("field");
        if (field.ValueKind != JsonValueKind.String || !FieldReference.TryParse(field.GetString(), out var reference))
        {
            throw new ExpressionSyntaxException(
                field.ValueKind == JsonValueKind.String ? $"unknown field '{field.GetString()}' (see the field model)" : "field must be a string",
                path + ".field");
        }

        var opKey = node.TryGetProperty("op", out var opElement) ? "op" : "operator";
        if (!node.TryGetProperty(opKey, out opElement) || opElement.ValueKind != JsonValueKind.String ||
            !TreeOperators.TryParse(opElement.GetString()!, out var op))
        {
            var shown = opElement.ValueKind == JsonValueKind.String ? $"unknown operator '{opElement.GetString()}'" : "op is required";
            throw new ExpressionSyntaxException($"{shown} (known: {TreeOperators.Documented})", path + "." + opKey);
        }

        if (op == TreeOperator.Exists)
        {
            return ConditionFactory.Exists(reference);
        }

        var valuePath = path + ".value";
        if (!node.TryGetProperty("value", out var value))
        {
            throw new ExpressionSyntaxException("value is required", valuePath);
        }

        string? error;
        var condition = op switch
        {
            TreeOperator.In => ConditionFactory.In(reference, Literals(value, valuePath), out error),
            TreeOperator.InCidr => ConditionFactory.Cidr(reference, Literals(value, valuePath), out error),
            TreeOperator.Contains => ConditionFactory.Test(reference, TextTest.Contains, Scalar(value, valuePath), out error),
            TreeOperator.StartsWith => ConditionFactory.Test(reference, TextTest.StartsWith, Scalar(value, valuePath), out error),
            TreeOperator.EndsWith => ConditionFactory.Test(reference, TextTest.EndsWith, Scalar(value, valuePath), out error),
            TreeOperator.Matches => ConditionFactory.Test(reference, TextTest.Matches, Scalar(value, valuePath), out error),
            _ => ConditionFactory.Compare(reference, (CompareOp)(int)op, Scalar(value, valuePath), out error),
        };

        return condition ?? throw new ExpressionSyntaxException(error!, valuePath);
    }

    private static List<Literal> Literals(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [Scalar(value, path)];
        }

        var literals = new List<Literal>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            literals.Add(Scalar(item, $"{path}[{index++.ToString(CultureInfo.InvariantCulture)}]"));
        }

        return literals;
    }

    private static Literal Scalar(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => Literal.Of(value.GetString()!),
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => Literal.Of(number),
        JsonValueKind.True => Literal.Of(true),
        JsonValueKind.False => Literal.Of(false),
        _ => throw new ExpressionSyntaxException("value must be a string, number or boolean", path),
    };

    private static void OnlyKeys(JsonElement node, string path, params string[] allowed)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ExpressionSyntaxException($"unexpected key '{property.Name}' here", path + "." + property.Name);
            }
        }
    }
}
