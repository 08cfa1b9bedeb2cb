using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>A rule set: a traffic scope and ordered clauses that each may apply a mitigation.</summary>
public sealed class PolicyDefinition
{
    /// <summary>Stable identifier, 1–64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Label operators see.</summary>
    public string Name { get; set; } = "";

    /// <summary>Optional context for operators.</summary>
    public string? Description { get; set; }

    /// <summary>One of <see cref="PolicyStatuses"/>. Default <c>active</c>.</summary>
    public string Status { get; set; } = PolicyStatuses.Active;

    /// <summary>Optional traffic scope; absent means all traffic.</summary>
    public JsonElement? Scope { get; set; }

    /// <summary>Ordered clauses, 1 to <see cref="ResourceLimits.MaxClausesPerPolicy"/>.</summary>
    public IList<PolicyClause> Clauses { get; set; } = [];
}
