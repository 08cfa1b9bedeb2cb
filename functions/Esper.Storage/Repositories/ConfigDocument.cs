namespace Esper.Storage.Repositories;

/// <summary>A stored config document (JSON text) with its id and version (ETag).</summary>
public sealed record ConfigDocument(string Kind, string Id, string Json, string Version);
