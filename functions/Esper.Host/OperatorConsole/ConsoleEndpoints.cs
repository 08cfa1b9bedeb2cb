using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Esper.Host.OperatorConsole;

/// <summary>
/// Serves the operator console at <c>/console/</c> from the embedded assets. The console calls the same JSON API
/// as any client, with an admin key the operator types in (kept in session storage, never in a URL). Every answer
/// carries a strict Content-Security-Policy: scripts, styles and requests only from this host, no framing.
/// </summary>
internal static class ConsoleEndpoints
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddEsperConsole(this IServiceCollection services)
    {
        services.TryAddSingleton<ConsoleAssets>();
        return services;
    }

    public static void MapEsperConsole(this IEndpointRouteBuilder app)
    {
        // The catch-all is optional, so /console and /console/ both answer the page (its links are absolute).
        app.MapGet("/console/{**path}", Serve).ExcludeFromDescription();
    }

    private static IResult Serve(HttpContext context, string? path, [FromServices] ConsoleAssets assets)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var asset = assets.Find(path);
        if (asset is null)
        {
            return Results.NotFound();
        }

        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
