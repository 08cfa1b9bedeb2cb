using Esper.Core.Resources;

namespace Esper.Api.Config;

/// <summary>Finds what refers to a resource, so deleting something in use is refused with the user named.</summary>
internal static class ConfigUsage
{
    public static string? FindUser(ConfigSnapshot config, string kind, string id)
    {
        foreach (var policy in config.Policies)
        {
            for (var i = 0; i < policy.Clauses.Count; i++)
            {
                var clause = policy.Clauses[i];
                var uses = kind switch
                {
                    "action" => clause.ActionIds.Contains(id, StringComparer.Ordinal),
                    "entity" => clause.EntityId == id,
                    "mitigation" => clause.MitigationId == id,
                    _ => false,
                };
                if (uses)
                {
                    return $"policy '{policy.Id}' (clauses[{i}])";
                }
            }
        }

        if (kind == "action")
        {
            foreach (var entity in config.Entities.Where(e => e.ActionId == id))
            {
                return $"entity '{entity.Id}' (action_id)";
            }
        }

        return null;
    }

    public static bool IsReservedId(string kind, string id) =>
        kind == "mitigation" && string.Equals(id, BuiltInMitigations.MonitorId, StringComparison.Ordinal);
}
