using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Esper.Client.Guard;
using Esper.Client.Http;
using Microsoft.AspNetCore.Http;

namespace Esper.AspNetCore;

/// <summary>
/// Writes the runtime event for an <see cref="HttpContext"/> straight into a pooled JSON body, under the options'
/// forwarding rules: no intermediate dictionaries or event objects, and no strings the request does not already hold
/// (the idempotency key, client IP and return URL are formatted into the body itself).
/// </summary>
internal static class EsperEventWriter
{
    public static PooledJson Write(HttpContext context, EsperOptions options, TimeProvider time, out RequestIdentity identity)
    {
        var request = context.Request;

        // The app's callback runs before the shared writer is taken, so nothing it does can disturb the body.
        var fields = EventFields.Collect(context, options);
        var path = request.PathBase.HasValue ? (request.PathBase + request.Path).ToString() : request.Path.ToString();
        var userAgent = request.Headers.UserAgent.ToString();
        var address = context.Connection.RemoteIpAddress;
        identity = new RequestIdentity(null, address, userAgent.Length > 0 ? userAgent : null, request.Method, path);

        var writer = JsonBodyWriter.Start();
        writer.WriteStartObject();
        writer.WriteString(EventJson.ObservedAt, time.GetUtcNow());
        WriteIdempotencyKey(writer, request, options);
        WriteReturnUrl(writer, request);
        writer.WriteString(EventJson.Source, options.Source ?? "aspnetcore");
        writer.WriteStartObject(EventJson.Request);
        writer.WriteString(EventJson.Method, request.Method);
        writer.WriteString(EventJson.Path, path);
        WriteClientIp(writer, address);
        if (userAgent.Length > 0)
        {
            writer.WriteString(EventJson.UserAgent, EventJson.Clip(userAgent));
        }

        EventHeaders.Write(writer, request.Headers, options);
        EventQuery.Write(writer, request);
        EventCookies.Write(writer, request, options);
        WriteRoute(writer, request.RouteValues);
        writer.WriteEndObject();
        EventFields.Write(writer, fields);
        writer.WriteEndObject();
        return JsonBodyWriter.Finish(writer);
    }

    private static void WriteIdempotencyKey(Utf8JsonWriter writer, HttpRequest request, EsperOptions options)
    {
        if (options.UseRequestIdAsIdempotencyKey && request.Headers["X-Request-Id"] is [{ Length: > 0 and <= 200 } id])
        {
            writer.WriteString(EventJson.IdempotencyKey, id);
            return;
        }

        // A fresh key per request, formatted into the body; retries resend the same body, so the same key.
        Span<byte> key = stackalloc byte[32];
        Guid.NewGuid().TryFormat(key, out _, "N");
        writer.WriteString(EventJson.IdempotencyKey, key);
    }

    // The same URL as UriHelper.GetEncodedUrl, assembled in a pooled buffer: each part is already in encoded form.
    private static void WriteReturnUrl(Utf8JsonWriter writer, HttpRequest request)
    {
        var scheme = request.Scheme;
        var host = request.Host.ToUriComponent();
        var pathBase = request.PathBase.ToUriComponent();
        var path = request.Path.ToUriComponent();
        var query = request.QueryString.ToUriComponent();
        var length = scheme.Length + 3 + host.Length + pathBase.Length + path.Length + query.Length;
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var url = buffer.AsSpan();
            scheme.CopyTo(url);
            var at = scheme.Length;
            "://".CopyTo(url[at..]);
            at += 3;
            foreach (var part in (ReadOnlySpan<string>)[host, pathBase, path, query])
            {
                part.CopyTo(url[at..]);
                at += part.Length;
            }

            writer.WriteString(EventJson.ReturnUrl, url[..at]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void WriteClientIp(Utf8JsonWriter writer, IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<char> text = stackalloc char[64];
        if (address.TryFormat(text, out var written))
        {
            writer.WriteString(EventJson.ClientIp, text[..written]);
        }
    }

    private static void WriteRoute(Utf8JsonWriter writer, Microsoft.AspNetCore.Routing.RouteValueDictionary values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(EventJson.RouteParams);
        var count = 0;
        foreach (var (name, value) in values)
        {
            if (count < EventJson.MaxEntries && (value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)) is { } text)
            {
                writer.WriteString(name, EventJson.Clip(text));
                count++;
            }
        }

        writer.WriteEndObject();
    }
}
