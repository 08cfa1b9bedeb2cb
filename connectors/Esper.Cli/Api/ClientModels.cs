using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Esper.Cli.Resources;
using Esper.Client;

namespace Esper.Cli.Api;

/// <summary>
/// Moves resources between the CLI's JSON objects and Esper.Client's models (snake_case, as on the wire), and finds
/// fields a definition carries that no model has, so a typo is reported instead of silently dropped.
/// </summary>
internal static class ClientModels
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Type ModelOf(ResourceKind kind) => kind.Singular switch
    {
        "action" => typeof(EsperAction),
        "entity" => typeof(EsperEntity),
        "mitigation" => typeof(EsperMitigation),
        _ => typeof(EsperPolicy),
    };

    public static T ToModel<T>(JsonObject resource) =>
        resource.Deserialize<T>(Options) ?? throw new JsonException("empty resource");

    /// <summary>The model as JSON, identity first (<c>id</c>, <c>name</c>, <c>description</c>, <c>enabled</c>) so files read top-down.</summary>
    public static JsonObject ToJson<T>(T model)
    {
        var node = JsonSerializer.SerializeToNode(model, Options) as JsonObject ?? [];
        var ordered = new JsonObject();
        foreach (var name in Leading.Where(node.ContainsKey).Concat(node.Select(p => p.Key).Where(k => !Leading.Contains(k))).ToList())
        {
            var value = node[name];
            node.Remove(name);
            ordered[name] = value;
        }

        return ordered;
    }

    private static readonly string[] Leading = ["id", "name", "description", "enabled"];

    /// <summary>The paths (<c>clauses[0].mitigaton_id</c>) of fields no model property takes, or of values of the wrong type.</summary>
    public static IReadOnlyList<string> UnknownFields(ResourceKind kind, JsonObject resource)
    {
        JsonNode? roundTrip;
        try
        {
            var model = resource.Deserialize(ModelOf(kind), Options);
            roundTrip = JsonSerializer.SerializeToNode(model, ModelOf(kind), Options);
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : ex.Path ?? "$";
            return [$"{path} (wrong type)"];
        }

        var unknown = new List<string>();
        Walk(resource, roundTrip, "", unknown);
        return unknown;
    }

    private static void Walk(JsonNode? input, JsonNode? kept, string path, List<string> unknown)
    {
        switch (input)
        {
            case JsonObject obj when kept is JsonObject keptObj:
                foreach (var (name, value) in obj)
                {
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (value is null)
                    {
                        continue;
                    }

                    if (!keptObj.ContainsKey(name))
                    {
                        unknown.Add(child);
                    }
                    else
                    {
                        Walk(value, keptObj[name], child, unknown);
                    }
                }

                break;
            case JsonArray array when kept is JsonArray keptArray:
                for (var i = 0; i < array.Count && i < keptArray.Count; i++)
                {
                    Walk(array[i], keptArray[i], $"{path}[{i}]", unknown);
                }

                break;
        }
    }
}
