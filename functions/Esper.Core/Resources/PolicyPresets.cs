using System.Text.Json;

namespace Esper.Core.Resources;

/// <summary>Built-in policy presets operators start from.</summary>
public static class PolicyPresets
{
    /// <summary>
    /// The Monitor preset: one clause that observes traffic in <paramref name="scope"/> (all traffic when null)
    /// through the built-in <c>monitor</c> mitigation; no actions, entities or mitigation definitions needed.
    /// </summary>
    public static PolicyDefinition Monitor(string id, string name, JsonElement? scope = null) => new()
    {
        Id = id,
        Name = name,
        Description = "Observes matching traffic without acting on it.",
        Status = PolicyStatuses.Active,
        Scope = scope,
        Clauses = [new PolicyClause { Name = "observe", MitigationId = BuiltInMitigations.MonitorId }],
    };
}
