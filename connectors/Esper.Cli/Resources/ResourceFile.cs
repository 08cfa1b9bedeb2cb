using System.Text.Json.Nodes;

namespace Esper.Cli.Resources;

/// <summary>A resource definition read from a file.</summary>
internal sealed record ResourceFile(string Path, ResourceKind Kind, JsonObject Resource);
