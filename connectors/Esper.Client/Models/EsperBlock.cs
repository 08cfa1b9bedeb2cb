namespace Esper.Client;

/// <summary>How a blocked request is answered: status code (default 403) and an optional message.</summary>
public sealed record EsperBlock(int StatusCode, string? Message);
