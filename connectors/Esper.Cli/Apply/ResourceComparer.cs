using System.Text.Json.Nodes;
using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>
/// Decides whether a desired resource already matches what Esper stores: both sides are compared after dropping
/// the fields Esper manages, null values, and fields that hold Esper's documented default (so a file that leaves
/// <c>enabled</c> out equals a stored <c>"enabled": true</c>).
/// </summary>
internal static class ResourceComparer
{
    private static readonly Dictionary<string, JsonNode> TopDefaults = new(StringComparer.Ordinal)
    {
        ["enabled"] = JsonValue.Create(true),
        ["status"] = JsonValue.Create("active"),
        ["duration_seconds"] = JsonValue.Create(0),
    };

    public static bool Same(JsonObject desired, JsonObject current) =>
        JsonNode.DeepEquals(Normalize(desired, top: true), Normalize(current, top: true));

    /// <summary>The top-level fields whose values differ, for the plan.</summary>
    public static IReadOnlyList<string> ChangedFields(JsonObject desired, JsonObject current)
    {
        var a = Normalize(desired, top: true);
        var b = Normalize(current, top: true);
        return [.. a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(k => !JsonNode.DeepEquals(a[k], b[k])).Order(StringComparer.Ordinal)];
    }

    private static JsonObject Normalize(JsonObject resource, bool top)
    {
        var result = new JsonObject();
        foreach (var (name, value) in resource)
        {
            if (value is null || (top && ResourceJson.ServerFields.Contains(name)))
            {
                continue;
            }

            if (top && TopDefaults.TryGetValue(name, out var fallback) && JsonNode.DeepEquals(value, fallback))
            {
                continue;
            }

            var normalized = NormalizeValue(name, value);
            if (normalized is not null)
            {
                result[name] = normalized;
            }
        }

        return result;
    }

    private static JsonNode? NormalizeValue(string name, JsonNode value) => value switch
    {
        JsonObject obj when name is "block" => Defaults(obj, "status_code", 403),
        JsonObject obj when name is "challenge" => Defaults(obj, "provider", "proof_of_work"),
        JsonObject obj => Normalize(obj, top: false),
        JsonArray array when array.Count == 0 && name is "action_ids" or "allowed_origins" => null,
        JsonArray array => new JsonArray([.. array.Select(item => item is JsonObject o ? Normalize(o, top: false) : item?.DeepClone())]),
        _ => value.DeepClone(),
    };

    private static JsonObject Defaults<T>(JsonObject obj, string field, T fallback)
    {
        var normalized = Normalize(obj, top: false);
        if (normalized[field] is JsonValue value && JsonNode.DeepEquals(value, JsonValue.Create(fallback)))
        {
            normalized.Remove(field);
        }

        if (normalized["allowed_origins"] is JsonArray { Count: 0 })
        {
            normalized.Remove("allowed_origins");
        }

        return normalized;
    }
}
