using System.Globalization;
using System.Net;
using Esper.Client;
using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace Esper.AspNetCore;

/// <summary>Builds the runtime event from an <see cref="HttpContext"/> under the options' forwarding rules.</summary>
internal static class EsperEventBuilder
{
    private const int MaxEntries = 100;
    private const int MaxValueLength = 8192;

    public static EsperEvent Build(HttpContext context, EsperOptions options, TimeProvider time)
    {
        var request = context.Request;
        return new EsperEvent
        {
            ObservedAt = time.GetUtcNow(),
            Source = options.Source ?? "aspnetcore",
            ReturnUrl = request.GetEncodedUrl(),
            IdempotencyKey = options.UseRequestIdAsIdempotencyKey && request.Headers["X-Request-Id"] is [{ Length: > 0 and <= 200 } id] ? id : null,
            Request = new EsperRequest
            {
                Method = request.Method,
                Path = (request.PathBase + request.Path).ToString(),
                ClientIp = ClientIp(context.Connection.RemoteIpAddress),
                UserAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? Clip(ua) : null,
                Headers = Headers(request.Headers, options),
                QueryParams = Query(request.Query),
                Cookies = Cookies(request.Cookies, options),
                RouteParams = Route(request.RouteValues),
            },
            Fields = Fields(context, options),
        };
    }

    private static string? ClientIp(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static Dictionary<string, string>? Headers(IHeaderDictionary headers, EsperOptions options)
    {
        var result = new Dictionary<string, string>(Math.Min(headers.Count, MaxEntries), StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            if (result.Count == MaxEntries)
            {
                break;
            }

            var authorization = options.ForwardAuthorization && string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase);
            if ((!authorization && options.DenyHeaders.Contains(name)) || (options.ForwardHeaders is { } allow && !allow.Contains(name)))
            {
                continue;
            }

            result[name.ToLowerInvariant()] = Clip(values.ToString());
        }

        return result.Count == 0 ? null : result;
    }

    private static Dictionary<string, string>? Query(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(Math.Min(query.Count, MaxEntries), StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            if (result.Count == MaxEntries)
            {
                break;
            }

            if (name != ProofParameter.Name && values.Count > 0)
            {
                result[name] = Clip(values[0] ?? "");
            }
        }

        return result;
    }

    private static Dictionary<string, string>? Cookies(IRequestCookieCollection cookies, EsperOptions options)
    {
        if (cookies.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(Math.Min(cookies.Count, MaxEntries), StringComparer.Ordinal);
        foreach (var (name, value) in cookies)
        {
            if (result.Count == MaxEntries)
            {
                break;
            }

            var forwardValue = name == ProofParameter.PassCookieName || options.CookieValues.Contains(name);
            result[name] = forwardValue ? Clip(value) : "";
        }

        return result;
    }

    private static Dictionary<string, string>? Route(RouteValueDictionary values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (result.Count < MaxEntries && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text)
            {
                result[name] = Clip(text);
            }
        }

        return result;
    }

    private static Dictionary<string, string>? Fields(HttpContext context, EsperOptions options)
    {
        Dictionary<string, string>? result = null;
        if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<EsperFieldAttribute>() is { Count: > 0 } fixedFields)
        {
            result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in fixedFields)
            {
                result[field.Name] = field.Value;
            }
        }

        if (options.Fields?.Invoke(context) is { } extra)
        {
            result ??= new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in extra)
            {
                if (result.Count < MaxEntries)
                {
                    result[name] = Clip(value);
                }
            }
        }

        return result;
    }

    private static string Clip(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength];
}
