namespace Esper.Api.Http;

/// <summary>
/// One public route of the API, as hosts and infrastructure templates must expose it, with what it answers. Hosts
/// only project this (OpenAPI, function bindings); nothing about a route is derived from its name.
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Template">Route template with <c>{name}</c> parameters, e.g. <c>/api/v1/policies/{id}</c>.</param>
/// <param name="Name">A stable operation name, e.g. <c>GetPolicy</c> (function names, OpenAPI operation ids).</param>
public sealed record ApiRoute(string Method, string Template, string Name)
{
    /// <summary>Who may call it; the endpoint that serves the route must declare the same (checked when the handler is built).</summary>
    public Access Access { get; init; }

    /// <summary>The status of a successful answer. Default 200.</summary>
    public int SuccessStatus { get; init; } = 200;

    /// <summary>The contract of the request body, or null when the route takes none.</summary>
    public Type? RequestBody { get; init; }

    /// <summary>The request body's media type. Default <c>application/json</c>.</summary>
    public string RequestContentType { get; init; } = "application/json";

    /// <summary>An example request body as JSON text (it must satisfy <see cref="RequestBody"/>), or null.</summary>
    public string? RequestExample { get; init; }

    /// <summary>The contract of the success body, or null when it has none (204, 303, HTML pages).</summary>
    public Type? ResponseBody { get; init; }

    /// <summary>The media type of the success body and, for browser routes, of their error pages. Default <c>application/json</c>.</summary>
    public string ResponseContentType { get; init; } = "application/json";

    /// <summary>The error statuses the route itself answers (besides 414, 431 and 500, which any route may, and 503 while the store is unavailable, which any route that reads or writes the store may).</summary>
    public IReadOnlyList<int> ProblemStatuses { get; init; } = [];

    /// <summary>One sentence a reader of the reference needs.</summary>
    public string Summary { get; init; } = "";
}
