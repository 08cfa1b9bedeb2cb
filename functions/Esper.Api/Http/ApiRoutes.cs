namespace Esper.Api.Http;

/// <summary>
/// Every public route of the API. Hosts map exactly these; template tests compare infrastructure files against them.
/// SEAM STUB: the API work fills this list as endpoints are built.
/// </summary>
public static class ApiRoutes
{
    /// <summary>All routes, in a stable order.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/healthz", "Health"),
        new("GET", "/readyz", "Ready"),
        new("POST", "/api/v1/runtime/mitigation", "RuntimeMitigation"),
        new("POST", "/api/v1/beacon/event", "BeaconEvent"),
    ];
}
