using System.Text.Json.Nodes;
using Esper.Cli.Workspace;

namespace Esper.Cli.Resources;

/// <summary>
/// The local copies under <c>~/.esper/data/&lt;kind&gt;/&lt;slug&gt;.json</c> that every create and update writes; a
/// reference flag (<c>--action</c>, <c>--entity</c>, <c>--mitigation</c>) may name one of them instead of an id.
/// </summary>
internal sealed class LocalData(EsperHome home)
{
    public string PathOf(ResourceKind kind, string name) => Path.Combine(home.DataRoot, kind.Plural, Slug.From(name) + ".json");

    /// <summary>Writes the copy named after the resource's name (or its id when it has no name) and returns its path.</summary>
    public string Write(ResourceKind kind, JsonObject resource)
    {
        var path = PathOf(kind, ResourceJson.Name(resource) ?? ResourceJson.Id(resource) ?? "unnamed");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ResourceJson.Print(resource) + "\n");
        return path;
    }

    /// <summary>The id of the local copy called <paramref name="name"/>, or null when there is none.</summary>
    public string? FindId(ResourceKind kind, string name)
    {
        var path = PathOf(kind, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject resource ? ResourceJson.Id(resource) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>An id, or the id of the local copy that <paramref name="reference"/> names.</summary>
    public string Resolve(ResourceKind kind, string reference) => FindId(kind, reference) ?? reference;

    public void Delete(ResourceKind kind, string id)
    {
        var folder = Path.Combine(home.DataRoot, kind.Plural);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject resource && ResourceJson.Id(resource) == id)
                {
                    File.Delete(file);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a copy this tool wrote; leave it.
            }
        }
    }
}
