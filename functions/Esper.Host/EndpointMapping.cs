using Esper.Api;
using Esper.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Esper.Host;

/// <summary>Maps every <see cref="ApiRoutes.All"/> entry as a minimal-API endpoint (so OpenAPI describes it) that calls the shared handler.</summary>
internal static class EndpointMapping
{
    public static void MapEsperRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = app.MapMethods(route.Template, [route.Method], HandleAsync)
                .WithName(route.Name)
                .WithTags(Tag(route.Template));
            endpoint.Produces(SuccessStatus(route), SuccessStatus(route) == StatusCodes.Status204NoContent ? null : typeof(System.Text.Json.JsonElement), "application/json");
            foreach (var status in ErrorStatuses(route))
            {
                endpoint.ProducesProblem(status);
            }
        }
    }

    private static Task HandleAsync(HttpContext context, [FromServices] IApiHandler handler, [FromServices] EsperApiOptions options) =>
        HttpAdapter.HandleAsync(context, handler, options);

    private static int SuccessStatus(ApiRoute route) => route.Name switch
    {
        "BeaconEvent" => StatusCodes.Status202Accepted,
        "SolveChallenge" => StatusCodes.Status303SeeOther,
        _ when route.Method == "POST" && route.Name.StartsWith("Create", StringComparison.Ordinal) => StatusCodes.Status201Created,
        _ when route.Method == "DELETE" => StatusCodes.Status204NoContent,
        _ => StatusCodes.Status200OK,
    };

    private static List<int> ErrorStatuses(ApiRoute route)
    {
        if (route.Template is "/healthz" or "/readyz")
        {
            return route.Template == "/readyz" ? [StatusCodes.Status503ServiceUnavailable] : [];
        }

        List<int> statuses = [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests];
        if (route.Template.Contains("{id}", StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (route.Method is "PUT" or "PATCH" or "DELETE" && !route.Template.Contains("api-keys", StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status412PreconditionFailed);
        }

        if (route.Method is "POST" or "DELETE")
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
        }

        return statuses;
    }

    private static string Tag(string template)
    {
        var parts = template.Trim('/').Split('/');
        return parts.Length >= 3 ? parts[2] : "health";
    }
}
