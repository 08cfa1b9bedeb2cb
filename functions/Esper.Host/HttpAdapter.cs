using System.Buffers;
using Esper.Api;
using Esper.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Esper.Host;

/// <summary>Translates an ASP.NET Core request into an <see cref="ApiRequest"/> and writes the <see cref="ApiResponse"/> back.</summary>
internal static class HttpAdapter
{
    public static async Task HandleAsync(HttpContext context, IApiHandler handler, EsperApiOptions options)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Query)
        {
            query[pair.Key] = pair.Value.Count > 0 ? pair.Value[0] ?? "" : "";
        }

        ReadOnlyMemory<byte> body;
        try
        {
            body = await ReadBodyAsync(request, options.Limits.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client went away or sent a broken body: nothing to answer that it will read.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var apiRequest = new ApiRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Path.Value is { Length: > 0 } p ? p : "/",
            Query = query,
            Headers = headers,
            Body = body,
            RemoteIp = context.Connection.RemoteIpAddress?.ToString(),
        };

        var response = await handler.HandleAsync(apiRequest, context.RequestAborted).ConfigureAwait(false);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> + 1 bytes, so the handler can tell an oversized body without the host buffering all of it.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length && length <= limit ? (int)Math.Max(length, 1) : 4096);
        while (buffer.WrittenCount <= limit)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
        }

        return buffer.WrittenMemory;
    }
}
