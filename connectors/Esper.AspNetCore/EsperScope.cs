using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>Decides whether a request is checked: endpoint metadata first, then the options' opt-in and path filters.</summary>
internal static class EsperScope
{
    public static bool Applies(HttpContext context, EsperOptions options)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IEsperEndpointMetadata>() is { } marked)
        {
            return marked.Check;
        }

        if (options.RequireOptIn)
        {
            return false;
        }

        var path = context.Request.Path;
        foreach (var excluded in options.ExcludePaths)
        {
            if (path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        if (options.IncludePaths.Count == 0)
        {
            return true;
        }

        foreach (var included in options.IncludePaths)
        {
            if (path.StartsWithSegments(included, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
