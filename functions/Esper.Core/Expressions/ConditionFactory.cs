using System.Text.RegularExpressions;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>
/// Builds type-checked conditions for both source forms, so the JSON tree and the text form accept exactly the
/// same expressions and normalise them the same way. Failures return null with a human message.
/// </summary>
internal static class ConditionFactory
{
    /// <summary>Longest regular expression accepted, in characters.</summary>
    public const int MaxPatternLength = 1024;

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public static FieldType TypeOf(FieldReference field) => field.IsMap
        ? FieldType.Map
        : field.Kind switch
        {
            FieldKind.ObservedAt => FieldType.Timestamp,
            FieldKind.ClientIpVersion => FieldType.Dynamic,
            < FieldKind.Header => FieldType.String,
            _ => FieldType.Dynamic,
        };

    public static Condition And(IEnumerable<Condition> operands) => Combine(operands, and: true);

    public static Condition Or(IEnumerable<Condition> operands) => Combine(operands, and: false);

    public static Condition Not(Condition operand) => operand switch
    {
        NotCondition not => not.Operand,
        ConstantCondition constant => new ConstantCondition(!constant.Value),
        _ => new NotCondition(operand),
    };

    public static Condition Exists(FieldReference field) => new ExistsCondition(field);

    public static Condition? Compare(FieldReference field, CompareOp op, Literal value, out string? error)
    {
        var checkedValue = CheckScalar(field, value, ordering: op is not (CompareOp.Eq or CompareOp.Ne), out error);
        return checkedValue is null ? null : new CompareCondition(field, op, checkedValue);
    }

    public static Condition? In(FieldReference field, IReadOnlyList<Literal> values, out string? error)
    {
        error = null;
        if (values.Select(static v => v.Kind).Distinct().Count() > 1)
        {
            error = "list elements must all be of one kind (all strings, all numbers or all booleans)";
            return null;
        }

        var checkedValues = new List<Literal>(values.Count);
        foreach (var value in values)
        {
            if (CheckScalar(field, value, ordering: false, out error) is not { } checkedValue)
            {
                return null;
            }

            if (!checkedValues.Contains(checkedValue))
            {
                checkedValues.Add(checkedValue);
            }
        }

        if (values.Count == 0 && TypeOf(field) == FieldType.Map)
        {
            error = MapMessage(field);
            return null;
        }

        return new InListCondition(field, checkedValues);
    }

    public static Condition? Test(FieldReference field, TextTest test, Literal value, out string? error)
    {
        error = null;
        if (TypeOf(field) == FieldType.Map)
        {
            error = MapMessage(field);
            return null;
        }

        if (value.Kind != LiteralKind.String)
        {
            error = $"{Name(test)} takes a string, not {value.KindName}";
            return null;
        }

        Regex? regex = null;
        if (test == TextTest.Matches && (regex = CompileRegex(value.Text, out error)) is null)
        {
            return null;
        }

        return new TextTestCondition(field, test, value.Text, regex);
    }

    public static Condition? Cidr(FieldReference field, IReadOnlyList<Literal> values, out string? error)
    {
        error = null;
        if (TypeOf(field) is FieldType.Map or FieldType.Timestamp)
        {
            error = $"inCidr applies to an IP field such as client_ip, not {field.Name}";
            return null;
        }

        var blocks = new List<CidrBlock>();
        foreach (var value in values)
        {
            if (value.Kind != LiteralKind.String || CidrBlock.Parse(value.Text) is not { } block)
            {
                error = $"{value.ToCel()} is not an IP network such as \"10.0.0.0/8\" or \"2001:db8::/32\"";
                return null;
            }

            if (!blocks.Exists(b => b.Text == block.Text))
            {
                blocks.Add(block);
            }
        }

        if (blocks.Count == 0)
        {
            error = "inCidr needs at least one network";
            return null;
        }

        return new CidrCondition(field, blocks);
    }

    public static Condition? Size(FieldReference field, CompareOp op, Literal value, out string? error)
    {
        error = null;
        if (value.Kind != LiteralKind.Number || value.Number != Math.Floor(value.Number))
        {
            error = $"size() compares with a whole number, not {value.KindName}";
            return null;
        }

        return new SizeCondition(field, op, value);
    }

    public static string MapMessage(FieldReference field) =>
        $"{field.Name} is a map: use one entry such as {CelText.Field(field)}[\"name\"], has({CelText.Field(field)}) or size({CelText.Field(field)})";

    private static Literal? CheckScalar(FieldReference field, Literal value, bool ordering, out string? error)
    {
        error = null;
        switch (TypeOf(field))
        {
            case FieldType.Map:
                error = MapMessage(field);
                return null;
            case FieldType.String when value.Kind != LiteralKind.String:
                error = $"cannot compare {field.Name} (a string) with {value.KindName}";
                return null;
            case FieldType.Timestamp:
                if (value.Kind != LiteralKind.String || !ObservedAtParser.TryParse(value.Text, out var at))
                {
                    error = $"{field.Name} compares with an RFC 3339 timestamp string such as \"2026-03-19T10:15:00Z\"";
                    return null;
                }

                // Canonical fixed-width UTC text: ordinal order is time order.
                return Literal.Of(RequestNormalizer.FormatObservedAt(at)!);
            case FieldType.Dynamic when ordering && value.Kind == LiteralKind.Bool:
                error = "booleans cannot be ordered; use == or !=";
                return null;
            default:
                return value;
        }
    }

    private static Regex? CompileRegex(string pattern, out string? error)
    {
        error = null;
        if (pattern.Length > MaxPatternLength)
        {
            error = $"regular expression is longer than {MaxPatternLength} characters";
            return null;
        }

        try
        {
            // Non-backtracking: matching time is linear in the input, so no pattern can stall a decision.
            var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
            Warm(regex);
            return regex;
        }
        catch (RegexParseException e)
        {
            error = $"invalid regular expression at character {e.Offset}: {RegexErrorText.Describe(e.Error)}";
            return null;
        }
        catch (NotSupportedException)
        {
            error = "regular expression uses a construct that cannot run in linear time (backreferences, lookarounds, atomic groups, conditionals or possessive quantifiers); rewrite it without one";
            return null;
        }
        catch (ArgumentException)
        {
            error = "invalid regular expression";
            return null;
        }
    }

    private static Condition Combine(IEnumerable<Condition> operands, bool and)
    {
        var flat = new List<Condition>();
        foreach (var operand in operands)
        {
            switch (operand)
            {
                case AllCondition all when and:
                    flat.AddRange(all.Operands);
                    break;
                case AnyCondition any when !and:
                    flat.AddRange(any.Operands);
                    break;
                default:
                    flat.Add(operand);
                    break;
            }
        }

        return flat.Count switch
        {
            0 => new ConstantCondition(and),
            1 => flat[0],
            _ => and ? new AllCondition(flat) : new AnyCondition(flat),
        };
    }

    private static string Name(TextTest test) => test switch
    {
        TextTest.Contains => "contains",
        TextTest.StartsWith => "startsWith",
        TextTest.EndsWith => "endsWith",
        _ => "matches",
    };

    /// <summary>
    /// Runs one match while the config compiles, so the engine builds its first automaton states here and not inside
    /// the first decision's match budget (a cold first match on a busy machine could otherwise time out and miss).
    /// </summary>
    private static void Warm(Regex regex)
    {
        try
        {
            _ = regex.IsMatch("warm-up text 0123456789 Mozilla/5.0");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a warm-up: the decision's own match has its full budget.
        }
    }
}
