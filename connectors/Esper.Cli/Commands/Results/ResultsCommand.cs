using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Results;

/// <summary><c>esper results policies [--policy]</c>: per-policy totals, observe/challenge/block, dry run and last match.</summary>
internal sealed class ResultsCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<ResultsSettings>(environment, apiFactory)
{
    private static readonly string[] Columns = ["POLICY", "NAME", "TOTAL", "OBSERVE", "CHALLENGE", "BLOCK", "DRY RUN", "LAST MATCH"];

    public override async Task<int> ExecuteAsync(CommandContext context, ResultsSettings settings, CancellationToken cancellationToken)
    {
        var api = Api(settings);
        var output = Out(settings);
        if (settings.Policy is not null)
        {
            var one = await api.PolicyResultAsync(LocalData.Resolve(ResourceKind.Policy, settings.Policy), cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                output.Json(one);
                return ExitCodes.Success;
            }

            output.Table(Columns, [Row(one)]);
            if (one["recent_decisions"] is JsonArray { Count: > 0 } recent)
            {
                output.Line("Recent decisions:");
                output.Table(["DECISION", "ACTION", "AT"], recent.OfType<JsonObject>().Select(d => new[]
                {
                    d["decision_id"]?.ToString() ?? d["id"]?.ToString(),
                    d["action"]?.ToString() ?? d["outcome"]?.ToString(),
                    d["decided_at"]?.ToString() ?? d["at"]?.ToString(),
                }));
            }

            return ExitCodes.Success;
        }

        var all = await api.PolicyResultsAsync(cancellationToken).ConfigureAwait(false);
        if (output.IsJson)
        {
            output.Json(all);
        }
        else
        {
            output.Table(Columns, all.Select(Row));
        }

        return ExitCodes.Success;
    }

    private static string?[] Row(JsonObject r) =>
    [
        ResourceJson.Text(r, "policy_id"),
        ResourceJson.Text(r, "policy_name") ?? ResourceJson.Name(r),
        r["total"]?.ToString() ?? "0",
        r["observe"]?.ToString() ?? "0",
        r["challenge"]?.ToString() ?? "0",
        r["block"]?.ToString() ?? "0",
        r["dry_run"]?.ToString() ?? "0",
        r["last_matched_at"]?.ToString(),
    ];
}
