using System.Text.Json.Nodes;
using Esper.Cli.Apply;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary>How a plan and its outcome are printed.</summary>
internal static class PlanView
{
    public static readonly string[] Columns = ["PLAN", "KIND", "ID", "NAME", "FILE", "CHANGES"];

    public static string?[] Row(PlanItem item) =>
    [
        item.Verb,
        item.File.Kind.Singular,
        item.Id ?? "(assigned)",
        ResourceJson.Name(item.File.Resource),
        item.File.Path,
        item.ChangedFields.Count == 0 ? null : string.Join(", ", item.ChangedFields),
    ];

    public static JsonObject Json(PlanItem item) => new()
    {
        ["action"] = item.Verb,
        ["kind"] = item.File.Kind.Singular,
        ["id"] = item.Id,
        ["name"] = ResourceJson.Name(item.File.Resource),
        ["file"] = item.File.Path,
        ["changes"] = new JsonArray([.. item.ChangedFields.Select(f => (JsonNode)JsonValue.Create(f))]),
    };

    public static JsonObject Json(ApplyPlan plan, IReadOnlyList<AppliedItem>? applied, bool dryRun) => new()
    {
        ["dry_run"] = dryRun,
        ["plan"] = new JsonArray([.. plan.Items.Select(i => (JsonNode)Json(i))]),
        ["summary"] = new JsonObject
        {
            ["create"] = plan.Count(PlanAction.Create),
            ["update"] = plan.Count(PlanAction.Update),
            ["unchanged"] = plan.Count(PlanAction.Unchanged),
        },
        ["applied"] = applied is null ? new JsonArray() : new JsonArray([.. applied.Select(a => (JsonNode)new JsonObject
        {
            ["action"] = a.Step.Verb,
            ["kind"] = a.Step.File.Kind.Singular,
            ["id"] = ResourceJson.Id(a.Resource),
            ["file"] = a.Step.File.Path,
        })]),
    };
}
