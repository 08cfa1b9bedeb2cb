using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Esper.AspNetCore;

/// <summary>Asks Esper about each request in scope and applies the verdict; never throws because Esper failed.</summary>
internal sealed class EsperMiddleware(RequestDelegate next, EsperGuard guard, EsperOptions options, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!EsperScope.Applies(context, options))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        EsperVerdict verdict;
        try
        {
            verdict = context.Request.Query.TryGetValue(ProofParameter.Name, out var proof) && proof is [{ Length: > 0 } token]
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                ? await guard.ExchangeProofAsync(token, Microsoft.AspNetCore.Http.Extensions.UriHelper.GetEncodedUrl(context.Request), context.RequestAborted).ConfigureAwait(false)
                : await guard.CheckAsync(EsperEventBuilder.Build(context, options, time), IsBrowser(context.Request), context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Features.Set<IEsperDecisionFeature>(new EsperDecisionFeature(verdict));
        switch (verdict.Kind)
        {
            case EsperVerdictKind.Continue:
                await next(context).ConfigureAwait(false);
                break;
            case EsperVerdictKind.Redirect:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = verdict.Location;
                context.Response.Headers.CacheControl = "no-store";
                if (verdict.SetCookie is not null)
                {
                    context.Response.Headers.Append("Set-Cookie", verdict.SetCookie);
                }

                break;
            default:
                await DenyAsync(context, verdict).ConfigureAwait(false);
                break;
        }
    }

    private async Task DenyAsync(HttpContext context, EsperVerdict verdict)
    {
        if (options.OnDenied is { } custom)
        {
            await custom(context, verdict).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = verdict.StatusCode;
        context.Response.ContentType = "application/problem+json";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(verdict.Body ?? "", context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsBrowser(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && AcceptsHtml(request.Headers.Accept);

    private static bool AcceptsHtml(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
