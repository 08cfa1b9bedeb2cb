using Esper.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Esper.Functions.Azure.Http;

/// <summary>Writes a shared handler's <see cref="ApiResponse"/> to the ASP.NET Core response, byte for byte.</summary>
internal sealed class ApiResponseResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext.Response;
        http.StatusCode = Response.StatusCode;
        foreach (var (name, value) in Response.Headers)
        {
            http.Headers[name] = value;
        }

        if (Response.ContentType is not null)
        {
            http.ContentType = Response.ContentType;
        }

        if (!Response.Body.IsEmpty)
        {
            http.ContentLength = Response.Body.Length;
            await http.Body.WriteAsync(Response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
