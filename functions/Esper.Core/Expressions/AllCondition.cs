using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>Logical and (<c>&amp;&amp;</c>, <c>{"and": [...]}</c>); operands are evaluated left to right, stopping at the first false.</summary>
internal sealed class AllCondition(IReadOnlyList<Condition> operands) : Condition
{
    public IReadOnlyList<Condition> Operands { get; } = operands;

    public override void Print(StringBuilder output)
    {
        for (var i = 0; i < Operands.Count; i++)
        {
            if (i > 0)
            {
                output.Append(" && ");
            }

            var parenthesise = Operands[i] is AnyCondition;
            output.Append(parenthesise ? "(" : string.Empty);
            Operands[i].Print(output);
            output.Append(parenthesise ? ")" : string.Empty);
        }
    }

    public override Func<EncodedRequest, bool> Compile()
    {
        var compiled = Operands.Select(static o => o.Compile()).ToArray();
        if (compiled.Length == 2)
        {
            // The common shapes get a closure without a loop.
            var first = compiled[0];
            var second = compiled[1];
            return r => first(r) && second(r);
        }

        return r =>
        {
            foreach (var operand in compiled)
            {
                if (!operand(r))
                {
                    return false;
                }
            }

            return true;
        };
    }
}
