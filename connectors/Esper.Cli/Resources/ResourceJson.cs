using System.Text.Json;
using System.Text.Json.Nodes;

namespace Esper.Cli.Resources;

/// <summary>Helpers over a resource held as a JSON object, exactly as Esper stores and answers it.</summary>
internal static class ResourceJson
{
    /// <summary>Fields Esper manages itself; a file may carry them (from <c>show</c>) but they are never sent.</summary>
    public static readonly IReadOnlyList<string> ServerFields = ["created_at", "updated_at", "version", "etag"];

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Id(JsonObject resource) => Text(resource, "id");

    public static string? Name(JsonObject resource) => Text(resource, "name");

    public static string? Text(JsonObject resource, string field) =>
        resource[field] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>A copy without the fields Esper manages, ready to send.</summary>
    public static JsonObject ForSending(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        foreach (var field in ServerFields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    public static string Print(JsonNode node) => node.ToJsonString(Indented);
}
