using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary>
/// <c>esper policy create</c>. Clause flags build a single-clause policy (or replace the first clause of a template
/// or file); use <c>--file</c> for several clauses.
/// </summary>
internal sealed class PolicyCreateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : CreateCommand<PolicyCreateSettings>(environment, apiFactory)
{
    protected override ResourceKind Kind => ResourceKind.Policy;

    protected override void ApplyFlags(JsonObject resource, PolicyCreateSettings settings, bool fromFlags)
    {
        if (settings.Status is not null)
        {
            resource["status"] = settings.Status;
        }

        if (settings.Scope is not null)
        {
            resource["scope"] = settings.Scope;
        }

        var hasClauseFlags = settings.Field is not null || settings.Actions.Length > 0 || settings.Entity is not null
            || settings.Mitigation is not null || settings.WindowSeconds is not null || settings.Threshold is not null;
        if (!hasClauseFlags && !fromFlags)
        {
            return;
        }

        if (settings.Value is not null && settings.Field is null)
        {
            throw new UsageException("--value needs --field (and optionally --operator)");
        }

        var clauses = resource["clauses"] as JsonArray ?? [];
        var clause = clauses.Count > 0 && clauses[0] is JsonObject first ? first : [];
        if (settings.Field is not null)
        {
            var op = settings.Operator ?? "Eq";
            var match = new JsonObject { ["field"] = settings.Field, ["op"] = op };
            if (settings.Value is not null)
            {
                match["value"] = settings.Value;
            }
            else if (!op.Equals("exists", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--value is required with --operator {op}");
            }

            clause["match"] = match;
        }

        if (settings.Actions.Length > 0)
        {
            clause["action_ids"] = new JsonArray([.. settings.Actions.Select(a => (JsonNode)JsonValue.Create(Resolve(ResourceKind.Action, a)))]);
        }

        if (settings.Entity is not null)
        {
            clause["entity_id"] = Resolve(ResourceKind.Entity, settings.Entity);
        }

        var window = clause["window"] as JsonObject;
        if (settings.WindowSeconds is { } seconds)
        {
            var threshold = settings.Threshold ?? (window?["threshold"] is JsonValue kept && kept.TryGetValue<long>(out var count) ? count : 0);
            clause["window"] = new JsonObject { ["seconds"] = seconds, ["threshold"] = threshold };
        }
        else if (settings.Threshold is { } threshold)
        {
            // A template's or file's window keeps its length; only the count changes.
            (window ?? throw new UsageException("--threshold needs --window-seconds (the first clause has no window)"))["threshold"] = threshold;
        }

        clause["mitigation_id"] = settings.Mitigation is not null
            ? Resolve(ResourceKind.Mitigation, settings.Mitigation)
            : ResourceJson.Text(clause, "mitigation_id") ?? "monitor";
        if (clauses.Count == 0)
        {
            clauses.Add(clause);
        }

        if (clauses.Parent is null)
        {
            resource["clauses"] = clauses;
        }
    }
}
