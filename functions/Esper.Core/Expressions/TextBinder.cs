using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>Turns the text form's syntax tree into type-checked conditions; errors carry the offending position.</summary>
internal static class TextBinder
{
    private const string KnownMethods = "startsWith, endsWith, contains, matches, inCidr";

    public static Condition Bind(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.And => ConditionFactory.And(node.Children.Select(Bind)),
        SyntaxKind.Or => ConditionFactory.Or(node.Children.Select(Bind)),
        SyntaxKind.Not => ConditionFactory.Not(Bind(node.Children[0])),
        SyntaxKind.Literal when node.Value!.Kind == LiteralKind.Bool => new ConstantCondition(node.Value.Bool),
        SyntaxKind.Compare => BindCompare(node),
        SyntaxKind.In => BindIn(node),
        SyntaxKind.Method => BindMethod(node),
        SyntaxKind.Call => BindCall(node),
        SyntaxKind.Field => throw Error(
            $"{Describe(node)} is a value, not a condition: compare it or test it with has(...)", node.Position),
        _ => throw Error($"expected a condition, found {Describe(node)}", node.Position),
    };

    private static Condition BindCompare(SyntaxNode node)
    {
        var (left, right, op) = (node.Children[0], node.Children[1], node.Op);
        if (left.Kind == SyntaxKind.Literal && right.Kind != SyntaxKind.Literal)
        {
            // Normalise to field-on-the-left: 3 < size(x) is size(x) > 3.
            (left, right, op) = (right, left, CompareOps.Mirror(op));
        }

        if (right.Kind != SyntaxKind.Literal)
        {
            throw Error($"compare a field with a literal value; {Describe(right)} is not a literal", right.Position);
        }

        if (left is { Kind: SyntaxKind.Call, Name: "size" })
        {
            var sized = BindField(Single(left));
            return ConditionFactory.Size(sized, op, right.Value!, out var sizeError) ?? throw Error(sizeError!, right.Position);
        }

        var field = BindField(left);
        return ConditionFactory.Compare(field, op, right.Value!, out var error) ?? throw Error(error!, right.Position);
    }

    private static Condition BindIn(SyntaxNode node)
    {
        var (left, right) = (node.Children[0], node.Children[1]);
        if (left is { Kind: SyntaxKind.Literal, Value.Kind: LiteralKind.String } && right.Kind == SyntaxKind.Field)
        {
            // "x-api-key" in request.headers: presence of a map entry.
            var map = BindField(right);
            if (!map.IsMap || !FieldReference.TryParse(map.Name + "." + left.Value.Text, out var entry))
            {
                throw Error($"the right side of 'in' must be a list or a map such as request.headers", right.Position);
            }

            return ConditionFactory.Exists(entry);
        }

        var field = BindField(left);
        if (right.Kind != SyntaxKind.List)
        {
            throw Error($"the right side of 'in' must be a list such as [\"a\", \"b\"]", right.Position);
        }

        var values = Literals(right);
        return ConditionFactory.In(field, values, out var error) ?? throw Error(error!, right.Position);
    }

    private static Condition BindMethod(SyntaxNode node)
    {
        var field = BindField(node.Children[0]);
        var arguments = node.Children.Skip(1).ToList();
        if (arguments.Count != 1)
        {
            throw Error($"{node.Name}() takes one argument", node.Position);
        }

        var argument = arguments[0];
        if (node.Name == "inCidr")
        {
            var networks = argument.Kind == SyntaxKind.List ? Literals(argument) : [LiteralOf(argument)];
            return ConditionFactory.Cidr(field, networks, out var cidrError) ?? throw Error(cidrError!, argument.Position);
        }

        TextTest test = node.Name switch
        {
            "startsWith" => TextTest.StartsWith,
            "endsWith" => TextTest.EndsWith,
            "contains" => TextTest.Contains,
            "matches" => TextTest.Matches,
            _ => throw Error($"unknown method '{node.Name}' at {node.Position} (known: {KnownMethods})", node.Position, decorate: false),
        };

        return ConditionFactory.Test(field, test, LiteralOf(argument), out var error) ?? throw Error(error!, argument.Position);
    }

    private static Condition BindCall(SyntaxNode node) => node.Name switch
    {
        "has" => ConditionFactory.Exists(BindField(Single(node))),
        "size" => throw Error("size() must be compared with a number, e.g. size(fields) > 2", node.Position),
        _ => throw Error($"unknown function '{node.Name}' at {node.Position} (known: has, size)", node.Position, decorate: false),
    };

    private static SyntaxNode Single(SyntaxNode call) =>
        call.Children.Count == 1 ? call.Children[0] : throw Error($"{call.Name}() takes one argument", call.Position);

    private static FieldReference BindField(SyntaxNode node)
    {
        if (node.Kind != SyntaxKind.Field)
        {
            throw Error($"expected a field, found {Describe(node)}", node.Position);
        }

        var name = string.Join('.', node.Segments!);
        return FieldReference.TryParse(name, out var field)
            ? field
            : throw Error($"unknown field '{name}' (see the field model)", node.Position);
    }

    private static List<Literal> Literals(SyntaxNode list) => list.Children.Select(LiteralOf).ToList();

    private static Literal LiteralOf(SyntaxNode node) =>
        node.Kind == SyntaxKind.Literal ? node.Value! : throw Error($"expected a literal value, found {Describe(node)}", node.Position);

    private static string Describe(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.Field => string.Join('.', node.Segments!),
        SyntaxKind.Literal => node.Value!.KindName,
        SyntaxKind.List => "a list",
        SyntaxKind.Call or SyntaxKind.Method => $"{node.Name}()",
        _ => "a condition",
    };

    private static ExpressionSyntaxException Error(string message, int position, bool decorate = true) =>
        new(decorate ? $"{message} at {position}" : message, position);
}
