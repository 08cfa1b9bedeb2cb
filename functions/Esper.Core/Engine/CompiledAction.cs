using Esper.Core.Expressions;

namespace Esper.Core.Engine;

/// <summary>An enabled action with its compiled expression.</summary>
internal sealed class CompiledAction(string id, string name, CompiledExpression expression)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public CompiledExpression Expression { get; } = expression;

    public MatchedAction Matched { get; } = new(id, name);
}
