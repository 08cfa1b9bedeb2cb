using System.Text.Json.Nodes;

namespace Esper.Client;

/// <summary>A policy: a scope and ordered clauses, each naming a mitigation.</summary>
public sealed record EsperPolicy : EsperResource
{
    /// <summary><c>active</c> (default), <c>dry_run</c> or <c>disabled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Optional scope expression; absent = all traffic.</summary>
    public JsonNode? Scope { get; init; }

    /// <summary>1–50 clauses, first match per precedence.</summary>
    public IReadOnlyList<EsperClause> Clauses { get; init; } = [];
}
