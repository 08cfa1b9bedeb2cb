using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Esper.AspNetCore;

/// <summary>
/// The decision logic every ASP.NET Core entry point shares (the <c>UseEsper()</c> middleware and the Functions
/// worker middleware): scope, the challenge return, one decision, the feature, and the refusal or redirect written
/// to the response. Never throws because Esper failed.
/// </summary>
internal sealed class EsperRequestGate(EsperGuard guard, EsperOptions options, TimeProvider time)
{
    /// <summary>Decides <paramref name="context"/>; true when the request goes on to the app, false when the response is written.</summary>
    public async ValueTask<bool> PassAsync(HttpContext context)
    {
        if (!EsperScope.Applies(context, options))
        {
            return true;
        }

        var request = context.Request;
        EsperVerdict verdict;
        try
        {
            if (Proof(request) is { } token)
            {
                verdict = await guard.ExchangeProofAsync(token, request.GetEncodedUrl(), context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                using var body = EsperEventWriter.Write(context, options, time, out var identity);
                verdict = await guard.CheckAsync(body.Memory, identity, IsBrowser(request), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        context.Features.Set<IEsperDecisionFeature>(new EsperDecisionFeature(verdict));
        switch (verdict.Kind)
        {
            case EsperVerdictKind.Continue:
                return true;
            case EsperVerdictKind.Redirect:
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = verdict.Location;
                context.Response.Headers.CacheControl = "no-store";
                if (verdict.SetCookie is not null)
                {
                    context.Response.Headers.Append("Set-Cookie", verdict.SetCookie);
                }

                return false;
            default:
                await DenyAsync(context, verdict).ConfigureAwait(false);
                return false;
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

    // The raw query is searched first, so a request without a proof does not parse the query collection.
    private static string? Proof(HttpRequest request) =>
        request.QueryString.Value?.Contains(ProofParameter.Name, StringComparison.Ordinal) == true
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Query.TryGetValue(ProofParameter.Name, out var proof) && proof is [{ Length: > 0 } token]
            ? token
            : null;

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
