using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Expressions;

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class ConstantCondition(bool value) : Condition
{
    private static readonly Func<EncodedRequest, bool> Always = static _ => true;
    private static readonly Func<EncodedRequest, bool> Never = static _ => false;

    public bool Value { get; } = value;

    public override bool IsAtomic => true;

    public override void Print(StringBuilder output) => output.Append(Value ? "true" : "false");

    public override Func<EncodedRequest, bool> Compile() => Value ? Always : Never;
}
