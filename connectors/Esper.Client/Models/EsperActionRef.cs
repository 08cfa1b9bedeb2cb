namespace Esper.Client;

/// <summary>An action the request matched.</summary>
public sealed record EsperActionRef(string Id, string Name);
