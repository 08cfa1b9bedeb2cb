using Esper.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Esper.Api.AspNetCore;

/// <summary>
/// Translates an ASP.NET Core <see cref="HttpContext"/> into an <see cref="ApiRequest"/> and writes an
/// <see cref="ApiResponse"/> back: the one translation the local host and the Azure Functions worker (whose ASP.NET
/// Core integration hands its triggers the same <see cref="HttpContext"/>) share, so they answer byte for byte alike.
/// </summary>
public static class HttpContextAdapter
{
    /// <summary>
    /// Reads the request (the body up to <see cref="RequestLimits.MaxBodyBytes"/> + 1 bytes, so an oversized body is
    /// refused without buffering it all), runs <paramref name="handler"/> and writes its answer.
    /// <paramref name="remoteIp"/> picks the caller's address; by default the connection's peer.
    /// </summary>
    public static async Task HandleAsync(HttpContext context, IApiHandler handler, RequestLimits limits, Func<HttpContext, string?>? remoteIp = null)
    {
        var response = await RespondAsync(context, handler, limits, remoteIp).ConfigureAwait(false);
        await WriteAsync(context, response).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the request and runs <paramref name="handler"/> on it. A declared body over the limit is a 413 problem
    /// at once; a body the client broke off, garbled or sent too slowly is answered without a body (400, or the
    /// server's 408 for a slow one), since nobody is left to read one.
    /// </summary>
    public static async Task<ApiResponse> RespondAsync(HttpContext context, IApiHandler handler, RequestLimits limits, Func<HttpContext, string?>? remoteIp = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(limits);
        if (context.Request.ContentLength > limits.MaxBodyBytes)
        {
            // Refused before a byte is read; the connection closes rather than drain a body nobody wants.
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.",
                $"The body is larger than the limit of {limits.MaxBodyBytes} bytes.",
                headers: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Connection"] = "close" });
        }

        ReadOnlyMemory<byte> body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, limits.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own verdict on the body: 408 for a client sending too slowly, 400 for a garbled one.
            return new ApiResponse { StatusCode = ex.StatusCode };
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            return new ApiResponse { StatusCode = StatusCodes.Status400BadRequest };
        }

        var request = context.Request;
        var apiRequest = new ApiRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Path.Value is { Length: > 0 } path ? path : "/",
            Query = Query(request.Query),
            Headers = Headers(request.Headers),
            Body = body,
            RemoteIp = remoteIp is null ? context.Connection.RemoteIpAddress?.ToString() : remoteIp(context),
        };
        return await handler.HandleAsync(apiRequest, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="response"/> unchanged: status, headers, Content-Type and body with its length. Nothing is written to a client that has gone.</summary>
    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        if (!response.Body.IsEmpty)
        {
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The first value of each query parameter, as <see cref="ApiRequest.Query"/> documents.</summary>
    private static IReadOnlyDictionary<string, string> Query(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return EmptyHeaders.Instance;
        }

        var values = new Dictionary<string, string>(query.Count, StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            values[name] = value.Count > 0 ? value[0] ?? "" : "";
        }

        return values;
    }

    /// <summary>Every header, repeated ones joined with ", " as <see cref="ApiRequest.Headers"/> documents.</summary>
    private static Dictionary<string, string> Headers(IHeaderDictionary headers)
    {
        var values = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            values[name] = value.Count == 1 ? value[0] ?? "" : string.Join(", ", value.Where(static v => v is not null));
        }

        return values;
    }
}
