using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>Asks Esper about each request in scope and applies the verdict; never throws because Esper failed.</summary>
internal sealed class EsperMiddleware(RequestDelegate next, EsperRequestGate gate)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (await gate.PassAsync(context).ConfigureAwait(false))
        {
            await next(context).ConfigureAwait(false);
        }
    }
}
