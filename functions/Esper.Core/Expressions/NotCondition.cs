using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>Logical not (<c>!</c>, <c>{"not": {...}}</c>).</summary>
internal sealed class NotCondition(Condition operand) : Condition
{
    public Condition Operand { get; } = operand;

    public override bool IsAtomic => true;

    public override void Print(StringBuilder output)
    {
        output.Append('!');
        var parenthesise = !Operand.IsAtomic;
        output.Append(parenthesise ? "(" : string.Empty);
        Operand.Print(output);
        output.Append(parenthesise ? ")" : string.Empty);
    }

    public override Func<EncodedRequest, bool> Compile()
    {
        var inner = Operand.Compile();
        return r => !inner(r);
    }
}
