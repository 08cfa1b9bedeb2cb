using Esper.Api;
using Esper.Api.AspNetCore;
using Esper.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Esper.Functions.Azure.Http;

/// <summary>What every trigger does: hand the request to the shared handler through the shared ASP.NET Core adapter and return its response.</summary>
internal sealed class FunctionDispatcher(IApiHandler handler, EsperApiOptions options)
{
    public async Task<IActionResult> DispatchAsync(HttpRequest request)
    {
        var response = await HttpContextAdapter.RespondAsync(request.HttpContext, handler, options.Limits, ForwardedFor.RemoteIp).ConfigureAwait(false);
        return new ApiResponseResult(response);
    }
}
