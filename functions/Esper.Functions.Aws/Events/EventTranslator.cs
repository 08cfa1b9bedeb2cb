using System.Text.Json;
using Esper.Api.Http;

namespace Esper.Functions.Aws.Events;

/// <summary>
/// Turns an API Gateway (REST payload 1.0, HTTP payload 1.0 or 2.0) or function URL event into an
/// <see cref="ApiRequest"/>. Anything else is not an HTTP event and yields an error message instead.
/// </summary>
internal static class EventTranslator
{
    public static TranslatedEvent? Translate(ReadOnlySpan<byte> payload, out string? error)
    {
        HttpEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(payload, EventJsonContext.Default.HttpEvent);
        }
        catch (JsonException ex)
        {
            error = $"The event is not a valid HTTP event document: {ex.Message}";
            return null;
        }

        if (evt is null)
        {
            error = "The event is empty.";
            return null;
        }

        var result = evt.Version == "2.0" || evt.RawPath is not null ? FromV2(evt, out error) : FromV1(evt, out error);
        return result;
    }

    private static TranslatedEvent? FromV2(HttpEvent evt, out string? error)
    {
        var method = evt.RequestContext?.Http?.Method;
        if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(evt.RawPath))
        {
            error = "A payload 2.0 event needs rawPath and requestContext.http.method.";
            return null;
        }

        var headers = Headers(evt.Headers, null);
        if (evt.Cookies is { Count: > 0 })
        {
            // Payload 2.0 moves the Cookie header into the cookies array; put it back for the handlers.
            headers["Cookie"] = string.Join("; ", evt.Cookies);
        }

        var body = Body(evt, out error);
        if (error is not null)
        {
            return null;
        }

        var request = new ApiRequest
        {
            Method = method.ToUpperInvariant(),
            Path = StripStage(Uri.UnescapeDataString(evt.RawPath), evt.RequestContext?.Stage),
            Query = QueryStringParser.Parse(evt.RawQueryString),
            Headers = headers,
            Body = body,
            RemoteIp = evt.RequestContext?.Http?.SourceIp,
        };
        return new TranslatedEvent(request, PayloadFormat.V2);
    }

    private static TranslatedEvent? FromV1(HttpEvent evt, out string? error)
    {
        if (string.IsNullOrEmpty(evt.HttpMethod) || string.IsNullOrEmpty(evt.Path))
        {
            error = "The event is not an API Gateway or function URL HTTP event (no httpMethod/path or rawPath).";
            return null;
        }

        var body = Body(evt, out error);
        if (error is not null)
        {
            return null;
        }

        var request = new ApiRequest
        {
            Method = evt.HttpMethod.ToUpperInvariant(),
            Path = evt.Path,
            Query = V1Query(evt),
            Headers = Headers(evt.Headers, evt.MultiValueHeaders),
            Body = body,
            RemoteIp = evt.RequestContext?.Identity?.SourceIp,
        };
        return new TranslatedEvent(request, PayloadFormat.V1);
    }

    private static Dictionary<string, string> Headers(
        Dictionary<string, string?>? single,
        Dictionary<string, List<string>?>? multi)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // multiValueHeaders holds every value of a repeated header; headers only the last one.
        foreach (var (name, values) in multi ?? [])
        {
            if (values is { Count: > 0 })
            {
                headers[name] = string.Join(", ", values);
            }
        }

        foreach (var (name, value) in single ?? [])
        {
            if (value is not null)
            {
                headers.TryAdd(name, value);
            }
        }

        return headers;
    }

    private static Dictionary<string, string> V1Query(HttpEvent evt)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in evt.MultiValueQueryStringParameters ?? [])
        {
            if (values is { Count: > 0 })
            {
                query.TryAdd(name, values[0]);
            }
        }

        foreach (var (name, value) in evt.QueryStringParameters ?? [])
        {
            if (value is not null)
            {
                query.TryAdd(name, value);
            }
        }

        return query;
    }

    private static ReadOnlyMemory<byte> Body(HttpEvent evt, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(evt.Body))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!evt.IsBase64Encoded)
        {
            return System.Text.Encoding.UTF8.GetBytes(evt.Body);
        }

        try
        {
            return Convert.FromBase64String(evt.Body);
        }
        catch (FormatException)
        {
            error = "The event says isBase64Encoded but its body is not valid base64.";
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>HTTP APIs put a named stage in front of rawPath; the handlers' routes start after it.</summary>
    private static string StripStage(string path, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default")
        {
            return path;
        }

        var prefix = "/" + stage;
        return path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }
}
