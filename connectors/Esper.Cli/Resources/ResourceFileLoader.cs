using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Esper.Cli.Infrastructure;
using YamlDotNet.Core;

namespace Esper.Cli.Resources;

/// <summary>
/// Loads one resource from a <c>.json</c>, <c>.yaml</c> or <c>.yml</c> file. Any problem is a
/// <see cref="UsageException"/> whose one-line message names the file, and the line or the field.
/// </summary>
internal static partial class ResourceFileLoader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ResourceFile Load(string path, ResourceKind kind)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file");
        }

        var text = File.ReadAllText(path);
        var root = IsYaml(path) ? ParseYaml(path, text) : ParseJson(path, text);
        if (root is not JsonObject resource)
        {
            throw new UsageException($"{path}: a {kind} must be one JSON/YAML object, not {Describe(root)}");
        }

        // The seed's files name the policy id policy_id; Esper calls it id.
        if (kind == ResourceKind.Policy && resource["policy_id"] is { } policyId && !resource.ContainsKey("id"))
        {
            resource.Remove("policy_id");
            resource["id"] = policyId;
        }

        Check(path, kind, resource);
        return new ResourceFile(path, kind, resource);
    }

    public static bool IsResourceFile(string path) =>
        IsYaml(path) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? ParseJson(string path, string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{path}: line {ex.LineNumber + 1}: not valid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' ')})");
        }
    }

    private static JsonNode? ParseYaml(string path, string text)
    {
        try
        {
            return YamlToJson.Convert(text);
        }
        catch (YamlException ex)
        {
            throw new UsageException($"{path}: line {ex.Start.Line}: not valid YAML ({ex.InnerException?.Message ?? ex.Message})");
        }
    }

    private static void Check(string path, ResourceKind kind, JsonObject resource)
    {
        if (resource.ContainsKey("id") && (ResourceJson.Id(resource) is not { } id || !IdPattern().IsMatch(id)))
        {
            throw new UsageException($"{path}: field 'id' must be 1-64 characters of A-Z a-z 0-9 _ - (or be left out to let Esper assign one)");
        }

        if (ResourceJson.Name(resource) is null)
        {
            throw new UsageException($"{path}: field 'name' is required and must be a non-empty string");
        }

        if (kind == ResourceKind.Policy && resource["clauses"] is not JsonArray)
        {
            throw new UsageException($"{path}: field 'clauses' is required and must be a list of clauses");
        }

        if (kind == ResourceKind.Mitigation && ResourceJson.Text(resource, "mode") is null)
        {
            throw new UsageException($"{path}: field 'mode' is required (monitor, challenge or block)");
        }

        if (kind == ResourceKind.Entity && resource["key_fields"] is not JsonArray)
        {
            throw new UsageException($"{path}: field 'key_fields' is required and must be a list of field names");
        }

        if (Api.ClientModels.UnknownFields(kind, ResourceJson.ForSending(resource)) is { Count: > 0 } unknown)
        {
            throw new UsageException($"{path}: unknown field '{unknown[0]}' for a {kind} (docs/policies.md lists the fields)");
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "an empty document",
        JsonArray => "a list",
        _ => "a single value",
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
