using Esper.Core.Expressions;

namespace Esper.Core.Engine;

/// <summary>An active or dry-run policy with its live clauses.</summary>
internal sealed class CompiledPolicy(string id, string name, bool dryRun, CompiledExpression? scope, CompiledClause[] clauses)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public bool DryRun { get; } = dryRun;

    public CompiledExpression? Scope { get; } = scope;

    public CompiledClause[] Clauses { get; } = clauses;
}
