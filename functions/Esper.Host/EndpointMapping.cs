using Esper.Api;
using Esper.Api.Contracts;
using Esper.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Esper.Host;

/// <summary>
/// Maps every <see cref="ApiRoutes.All"/> entry as a minimal-API endpoint that calls the shared handler, projecting
/// the route's own statuses and contracts into the endpoint metadata OpenAPI reads. Requests no route matches (an
/// unknown path, a wrong method) also go to the shared handler, so their 404 and 405 are problem+json too.
/// </summary>
internal static class EndpointMapping
{
    public static void MapEsperRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = app.MapMethods(route.Template, [route.Method], HandleAsync)
                .WithName(route.Name)
                .WithTags(Tag(route.Template))
                .WithSummary(route.Summary);
            if (route.ResponseBody is { } body)
            {
                endpoint.Produces(route.SuccessStatus, body, route.ResponseContentType);
            }
            else
            {
                endpoint.Produces(route.SuccessStatus, responseType: null, route.ResponseContentType == "text/html" && route.SuccessStatus == StatusCodes.Status200OK ? "text/html" : null);
            }

            foreach (var status in route.ProblemStatuses)
            {
                if (route.ResponseContentType == "text/html")
                {
                    endpoint.Produces(status, responseType: null, "text/html");
                }
                else
                {
                    endpoint.Produces(status, ApiSchemas.Problem, "application/problem+json");
                }
            }
        }

        // Lowest priority: only what no route above takes, whatever the method.
        app.MapFallback("{*path}", HandleAsync).ExcludeFromDescription();
    }

    private static Task HandleAsync(HttpContext context, [FromServices] IApiHandler handler, [FromServices] EsperApiOptions options) =>
        HttpAdapter.HandleAsync(context, handler, options);

    private static string Tag(string template)
    {
        var parts = template.Trim('/').Split('/');
        return parts.Length >= 3 ? parts[2] : parts[0] == "challenge" ? "challenge" : "health";
    }
}
