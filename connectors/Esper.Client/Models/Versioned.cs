namespace Esper.Client;

/// <summary>A config resource with the ETag to send back as <c>If-Match</c> on a later write.</summary>
public sealed record Versioned<T>(T Value, string? ETag);
