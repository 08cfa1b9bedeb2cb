using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary>A bound, type-checked expression node: both source forms produce these, and they print and compile.</summary>
internal abstract class Condition
{
    /// <summary>True for nodes that print as one call or atom and need no parentheses after <c>!</c>.</summary>
    public virtual bool IsAtomic => false;

    public abstract void Print(StringBuilder output);

    public abstract Func<EncodedRequest, bool> Compile();

    public string Print()
    {
        var builder = new StringBuilder();
        Print(builder);
        return builder.ToString();
    }
}
