using System.Text.Json.Nodes;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>
/// Checks, before anything is sent, that every reference in a set names a resource of the set, one Esper already
/// has, or a built-in (the <c>monitor</c> mitigation, the bundled entities <c>ip-user-agent</c> and <c>bot-crawlers</c>).
/// </summary>
internal static class ReferenceChecker
{
    private static readonly Dictionary<ResourceKind, string[]> BuiltIns = new()
    {
        [ResourceKind.Entity] = ["ip-user-agent", "bot-crawlers"],
        [ResourceKind.Mitigation] = ["monitor"],
    };

    public static void Check(IReadOnlyList<ResourceFile> files, Func<ResourceKind, ISet<string>> known)
    {
        foreach (var file in files)
        {
            foreach (var (field, kind, id) in References(file))
            {
                var builtIn = BuiltIns.TryGetValue(kind, out var names) && names.Contains(id);
                if (!builtIn && !known(kind).Contains(id))
                {
                    throw new UsageException($"{file.Path}: {field}: no {kind} '{id}' in this set or in Esper");
                }
            }
        }
    }

    public static IEnumerable<(string Field, ResourceKind Kind, string Id)> References(ResourceFile file)
    {
        var resource = file.Resource;
        if (file.Kind == ResourceKind.Entity && ResourceJson.Text(resource, "action_id") is { } actionId)
        {
            yield return ("action_id", ResourceKind.Action, actionId);
        }

        if (file.Kind != ResourceKind.Policy || resource["clauses"] is not JsonArray clauses)
        {
            yield break;
        }

        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses[i] is not JsonObject clause)
            {
                continue;
            }

            if (clause["action_ids"] is JsonArray actions)
            {
                for (var j = 0; j < actions.Count; j++)
                {
                    if (actions[j] is JsonValue value && value.TryGetValue<string>(out var id))
                    {
                        yield return ($"clauses[{i}].action_ids[{j}]", ResourceKind.Action, id);
                    }
                }
            }

            if (ResourceJson.Text(clause, "entity_id") is { } entityId)
            {
                yield return ($"clauses[{i}].entity_id", ResourceKind.Entity, entityId);
            }

            if (ResourceJson.Text(clause, "mitigation_id") is { } mitigationId)
            {
                yield return ($"clauses[{i}].mitigation_id", ResourceKind.Mitigation, mitigationId);
            }
        }
    }
}
