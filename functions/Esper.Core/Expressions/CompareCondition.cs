using System.Globalization;
using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>
/// <c>field op literal</c>. Strings compare ordinally; a number literal compares the field's text as a number.
/// Absent (or, for numbers, non-numeric) text makes every operator false except <c>!=</c>, which is the negation of <c>==</c>.
/// </summary>
internal sealed class CompareCondition(FieldReference field, CompareOp op, Literal value) : Condition
{
    public override void Print(StringBuilder output) =>
        output.Append(CelText.Field(field)).Append(' ').Append(CompareOps.Symbol(op)).Append(' ').Append(value.ToCel());

    public override Func<EncodedRequest, bool> Compile()
    {
        var equal = CompileEquality();
        return op switch
        {
            CompareOp.Eq => equal,
            CompareOp.Ne => r => !equal(r),
            _ => CompileOrdering(),
        };
    }

    internal static bool TryNumber(string? text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private Func<EncodedRequest, bool> CompileEquality()
    {
        var expected = value.Text;
        var number = value.Number;
        return value.Kind switch
        {
            LiteralKind.String => r => string.Equals(r.GetText(field), expected, StringComparison.Ordinal),
            LiteralKind.Number => r => TryNumber(r.GetText(field), out var n) && n == number,
            _ => r => string.Equals(r.GetText(field), expected, StringComparison.OrdinalIgnoreCase),
        };
    }

    private Func<EncodedRequest, bool> CompileOrdering()
    {
        var comparison = op;
        if (value.Kind == LiteralKind.Number)
        {
            var number = value.Number;
            return r => TryNumber(r.GetText(field), out var n) && CompareOps.Holds(comparison, n.CompareTo(number));
        }

        var expected = value.Text;
        return r => r.GetText(field) is { } text && CompareOps.Holds(comparison, string.CompareOrdinal(text, expected));
    }
}
