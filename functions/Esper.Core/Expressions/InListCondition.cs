using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>field in [a, b, ...]</c>: equality with any element (see <see cref="CompareCondition"/>); false when absent.</summary>
internal sealed class InListCondition(FieldReference field, IReadOnlyList<Literal> values) : Condition
{
    public override void Print(StringBuilder output)
    {
        output.Append(CelText.Field(field)).Append(" in [");
        for (var i = 0; i < values.Count; i++)
        {
            output.Append(i > 0 ? ", " : string.Empty).Append(values[i].ToCel());
        }

        output.Append(']');
    }

    public override Func<EncodedRequest, bool> Compile()
    {
        if (values.Count > 0 && values.All(static v => v.Kind == LiteralKind.String))
        {
            var set = values.Select(static v => v.Text).ToHashSet(StringComparer.Ordinal);
            return r => r.GetText(field) is { } text && set.Contains(text);
        }

        var equalities = values.Select(v => new CompareCondition(field, CompareOp.Eq, v).Compile()).ToArray();
        return r =>
        {
            foreach (var equal in equalities)
            {
                if (equal(r))
                {
                    return true;
                }
            }

            return false;
        };
    }
}
