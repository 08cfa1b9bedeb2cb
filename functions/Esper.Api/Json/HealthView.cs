namespace Esper.Api.Json;

/// <summary>The body of the health and readiness probes.</summary>
internal sealed record HealthView(string Status);
