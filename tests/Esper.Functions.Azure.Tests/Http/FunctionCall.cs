using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Esper.Functions.Azure.Tests.Http;

/// <summary>
/// Calls a function method the way the worker's ASP.NET Core integration does: with the HttpRequest of a real
/// HttpContext, then executes the returned IActionResult against that context's response.
/// </summary>
internal static class FunctionCall
{
    public static HttpContext NewContext(string method, string path, string? body = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    public static async Task<(int Status, IHeaderDictionary Headers, string Body)> RunAsync(
        HttpContext context,
        Func<HttpRequest, Task<IActionResult>> function)
    {
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }
}
