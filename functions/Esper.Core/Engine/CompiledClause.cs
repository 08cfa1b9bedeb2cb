using Esper.Core.Expressions;

namespace Esper.Core.Engine;

/// <summary>A clause whose references all resolved.</summary>
internal sealed class CompiledClause
{
    public required int Index { get; init; }

    public string? Name { get; init; }

    public CompiledExpression? Match { get; init; }

    public required int[] RequiredActions { get; init; }

    /// <summary>Index of the bound entity, or -1.</summary>
    public required int EntityIndex { get; init; }

    public required CompiledMitigation Mitigation { get; init; }

    /// <summary>Window parameters, or null.</summary>
    public WindowSpec? Window { get; init; }

    /// <summary>Name of the penalty counter when the clause is bound to an entity and its mitigation lasts; else null.</summary>
    public string? PenaltyCounter { get; init; }
}
