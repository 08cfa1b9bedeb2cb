namespace Esper.Core.Expressions;

/// <summary>Operator names of the tree form: the documented snake_case names plus the spellings other clients send.</summary>
internal static class TreeOperators
{
    public const string Documented = "eq, ne, lt, le, gt, ge, contains, starts_with, ends_with, matches, in, in_cidr, exists";

    private static readonly Dictionary<string, TreeOperator> Names = new(StringComparer.Ordinal)
    {
        ["eq"] = TreeOperator.Eq, ["equals"] = TreeOperator.Eq, ["equal"] = TreeOperator.Eq, ["=="] = TreeOperator.Eq,
        ["ne"] = TreeOperator.Ne, ["neq"] = TreeOperator.Ne, ["notequals"] = TreeOperator.Ne, ["notequal"] = TreeOperator.Ne, ["!="] = TreeOperator.Ne,
        ["lt"] = TreeOperator.Lt, ["lessthan"] = TreeOperator.Lt, ["<"] = TreeOperator.Lt,
        ["le"] = TreeOperator.Le, ["lte"] = TreeOperator.Le, ["lessthanorequal"] = TreeOperator.Le, ["<="] = TreeOperator.Le,
        ["gt"] = TreeOperator.Gt, ["greaterthan"] = TreeOperator.Gt, [">"] = TreeOperator.Gt,
        ["ge"] = TreeOperator.Ge, ["gte"] = TreeOperator.Ge, ["greaterthanorequal"] = TreeOperator.Ge, [">="] = TreeOperator.Ge,
        ["contains"] = TreeOperator.Contains,
        ["startswith"] = TreeOperator.StartsWith,
        ["endswith"] = TreeOperator.EndsWith,
        ["matches"] = TreeOperator.Matches, ["regex"] = TreeOperator.Matches,
        ["in"] = TreeOperator.In, ["oneof"] = TreeOperator.In,
        ["incidr"] = TreeOperator.InCidr,
        ["exists"] = TreeOperator.Exists, ["fieldexists"] = TreeOperator.Exists, ["ispresent"] = TreeOperator.Exists,
        ["present"] = TreeOperator.Exists, ["has"] = TreeOperator.Exists,
    };

    /// <summary>Case, spaces, underscores and hyphens do not matter: <c>Eq</c>, <c>starts_with</c>, <c>is present</c>.</summary>
    public static bool TryParse(string name, out TreeOperator op)
    {
        var key = new string(name.Where(static c => c is not ('_' or '-' or ' ')).ToArray()).ToLowerInvariant();
        return Names.TryGetValue(key, out op);
    }
}
