using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>has(field)</c>: the field is present (for a map: it has at least one entry).</summary>
internal sealed class ExistsCondition(FieldReference field) : Condition
{
    public override bool IsAtomic => true;

    public override void Print(StringBuilder output) => output.Append("has(").Append(CelText.Field(field)).Append(')');

    public override Func<EncodedRequest, bool> Compile() => field.IsMap
        ? r => r.Size(field) > 0
        : r => r.GetText(field) is not null;
}
