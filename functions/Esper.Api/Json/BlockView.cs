namespace Esper.Api.Json;

/// <summary>How the integration answers a blocked request.</summary>
internal sealed record BlockView(int StatusCode, string? Message);
