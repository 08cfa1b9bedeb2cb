namespace Esper.Api.Json;

/// <summary>The deciding mitigation: id, name and mode.</summary>
internal sealed record MitigationView(string Id, string Name, string Mode);
