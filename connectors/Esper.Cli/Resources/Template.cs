using System.Text.Json.Nodes;

namespace Esper.Cli.Resources;

/// <summary>A bundled starter definition.</summary>
internal sealed record Template(ResourceKind Kind, string Name, JsonObject Resource)
{
    public string Description => ResourceJson.Text(Resource, "description") ?? "";
}
