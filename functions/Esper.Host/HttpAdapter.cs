using Esper.Api;
using Esper.Api.AspNetCore;
using Esper.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Esper.Host;

/// <summary>Serves one request through the shared ASP.NET Core adapter, with the connection's peer as the caller.</summary>
internal static class HttpAdapter
{
    public static Task HandleAsync(HttpContext context, IApiHandler handler, EsperApiOptions options) =>
        HttpContextAdapter.HandleAsync(context, handler, options.Limits);
}
