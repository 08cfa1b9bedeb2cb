using System.Text.Json.Nodes;

namespace Esper.Cli.Api;

/// <summary>A config resource as Esper answered it, with the ETag that guards the next write.</summary>
internal sealed record VersionedResource(JsonObject Resource, string? ETag);
