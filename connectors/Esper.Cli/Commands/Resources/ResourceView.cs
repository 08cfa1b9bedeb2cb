using System.Text.Json.Nodes;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary>Table rows for config resources: the id, the name and what matters most for each kind.</summary>
internal static class ResourceView
{
    public static string[] Columns(ResourceKind kind) => kind.Singular switch
    {
        "action" => ["ID", "NAME", "ENABLED", "EXPRESSION"],
        "entity" => ["ID", "NAME", "ENABLED", "KEY FIELDS"],
        "mitigation" => ["ID", "NAME", "ENABLED", "MODE", "DURATION (S)"],
        _ => ["ID", "NAME", "STATUS", "CLAUSES"],
    };

    public static string?[] Row(ResourceKind kind, JsonObject r) => kind.Singular switch
    {
        "action" => [ResourceJson.Id(r), ResourceJson.Name(r), Enabled(r), Compact(r["expression"])],
        "entity" => [ResourceJson.Id(r), ResourceJson.Name(r), Enabled(r), r["key_fields"] is JsonArray a ? string.Join(", ", a.Select(f => f?.ToString())) : null],
        "mitigation" => [ResourceJson.Id(r), ResourceJson.Name(r), Enabled(r), ResourceJson.Text(r, "mode"), r["duration_seconds"]?.ToString() ?? "0"],
        _ => [ResourceJson.Id(r), ResourceJson.Name(r), ResourceJson.Text(r, "status") ?? "active", (r["clauses"] as JsonArray)?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
    };

    private static string Enabled(JsonObject r) => r["enabled"]?.GetValue<bool>() == false ? "no" : "yes";

    private static string? Compact(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
