using Esper.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Esper.Functions.Azure.Http;

/// <summary>What every trigger does: translate the request, call the shared handler, return its response.</summary>
internal sealed class FunctionDispatcher(IApiHandler handler)
{
    public async Task<IActionResult> DispatchAsync(HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var apiRequest = await ApiRequestReader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await handler.HandleAsync(apiRequest, cancellationToken).ConfigureAwait(false);
        return new ApiResponseResult(response);
    }
}
