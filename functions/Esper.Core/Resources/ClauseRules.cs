namespace Esper.Core.Resources;

/// <summary>The rules of one policy clause.</summary>
internal static class ClauseRules
{
    public static void Validate(ValidationCollector v, string path, PolicyClause? clause, IResourceLookup? lookup)
    {
        if (clause is null)
        {
            v.Add(path, "must be an object");
            return;
        }

        v.Text(path + ".name", clause.Name, ResourceLimits.MaxNameLength, required: false);
        v.Expression(path + ".match", clause.Match, required: false);

        var actions = clause.ActionIds ?? [];
        if (actions.Count > ResourceLimits.MaxActionsPerClause)
        {
            v.Add(path + ".action_ids", $"must list at most {ResourceLimits.MaxActionsPerClause} actions");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var at = $"{path}.action_ids[{i}]";
            var before = v.Errors.Count;
            v.Id(at, actions[i], required: true);
            if (v.Errors.Count == before && lookup is not null && !lookup.HasAction(actions[i]))
            {
                v.Add(at, $"no action with id '{actions[i]}'");
            }
        }

        if (!string.IsNullOrEmpty(clause.EntityId))
        {
            var before = v.Errors.Count;
            v.Id(path + ".entity_id", clause.EntityId, required: true);
            if (v.Errors.Count == before && lookup is not null && !lookup.HasEntity(clause.EntityId))
            {
                v.Add(path + ".entity_id", $"no entity with id '{clause.EntityId}'");
            }
        }

        if (clause.Window is { } window)
        {
            v.Range(path + ".window.seconds", window.Seconds, 1, ResourceLimits.MaxWindowSeconds);
            v.Range(path + ".window.threshold", window.Threshold, 0, ResourceLimits.MaxThreshold);
            if (string.IsNullOrEmpty(clause.EntityId))
            {
                v.Add(path + ".entity_id", "is required when the clause has a window (windows count per entity key)");
            }
        }

        var mitigationBefore = v.Errors.Count;
        v.Id(path + ".mitigation_id", clause.MitigationId, required: true);
        if (v.Errors.Count == mitigationBefore && lookup is not null && !lookup.HasMitigation(clause.MitigationId))
        {
            v.Add(path + ".mitigation_id", $"no mitigation with id '{clause.MitigationId}'");
        }
    }
}
