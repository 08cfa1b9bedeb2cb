using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>size(field) op n</c>: entries of a map, characters of a text field; false when the field is absent.</summary>
internal sealed class SizeCondition(FieldReference field, CompareOp op, Literal value) : Condition
{
    public override void Print(StringBuilder output) =>
        output.Append("size(").Append(CelText.Field(field)).Append(") ").Append(CompareOps.Symbol(op)).Append(' ').Append(value.ToCel());

    public override Func<EncodedRequest, bool> Compile()
    {
        var number = value.Number;
        return r => r.Size(field) is { } size && CompareOps.Holds(op, ((double)size).CompareTo(number));
    }
}
