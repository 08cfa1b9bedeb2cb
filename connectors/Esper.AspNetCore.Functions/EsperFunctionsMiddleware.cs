using Esper.AspNetCore;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Esper.AspNetCore.Functions;

/// <summary>
/// The worker middleware behind <c>UseEsper()</c>: an HTTP-triggered invocation's <c>HttpContext</c> goes through
/// the same gate as the ASP.NET Core middleware; other triggers (queues, timers) pass untouched.
/// </summary>
internal sealed class EsperFunctionsMiddleware(EsperRequestGate gate) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http || await gate.PassAsync(http).ConfigureAwait(false))
        {
            await next(context).ConfigureAwait(false);
        }
    }
}
