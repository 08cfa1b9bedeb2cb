namespace Esper.Api.Json;

/// <summary>An action the request matched.</summary>
internal sealed record ActionView(string Id, string Name);
