using Esper.Api.AspNetCore;
using Esper.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Esper.Functions.Azure.Http;

/// <summary>Writes a shared handler's <see cref="ApiResponse"/> through the shared ASP.NET Core adapter, byte for byte.</summary>
internal sealed class ApiResponseResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public Task ExecuteResultAsync(ActionContext context) => HttpContextAdapter.WriteAsync(context.HttpContext, Response);
}
