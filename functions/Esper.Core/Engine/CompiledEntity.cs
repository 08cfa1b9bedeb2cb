using Esper.Core.Expressions;

namespace Esper.Core.Engine;

/// <summary>An enabled entity, with what is needed to resolve its key quickly.</summary>
internal sealed class CompiledEntity(string id, string[] keyFields, CompiledExpression? match, int actionIndex)
{
    public string Id { get; } = id;

    public string[] KeyFields { get; } = keyFields;

    public CompiledExpression? Match { get; } = match;

    /// <summary>Index of the bound action in the compiled action table, or -1.</summary>
    public int ActionIndex { get; } = actionIndex;

    /// <summary>How long this entity's counter item must live after an update (0 when no clause keeps state on it).</summary>
    public long StateTtlSeconds { get; set; }
}
