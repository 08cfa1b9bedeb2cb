namespace Esper.Api.Http;

/// <summary>One public route of the API, as hosts and infrastructure templates must expose it.</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Template">Route template with <c>{name}</c> parameters, e.g. <c>/api/v1/policies/{id}</c>.</param>
/// <param name="Name">A stable operation name, e.g. <c>GetPolicy</c> (function names, OpenAPI operation ids).</param>
public sealed record ApiRoute(string Method, string Template, string Name);
