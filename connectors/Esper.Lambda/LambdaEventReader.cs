using System.Text.Json;
using Esper.Client;
using Esper.Client.Guard;

namespace Esper.Lambda;

/// <summary>
/// Reads API Gateway REST (payload v1), HTTP API (v2) and function URL (v2 shape) events into a runtime event,
/// with the middleware's forwarding rules (headers minus the deny list, cookie names, the pass cookie's value).
/// </summary>
internal static class LambdaEventReader
{
    private const int MaxEntries = 100;

    public static LambdaRequest Read(JsonElement root, EsperLambdaOptions options, TimeProvider time)
    {
        var v2 = Text(root, "version") == "2.0";
        var context = root.TryGetProperty("requestContext", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var headers = Headers(root);
        var method = v2 ? Text(Child(context, "http"), "method") : Text(root, "httpMethod");
        var path = v2 ? Text(root, "rawPath") : Text(context, "path") ?? Text(root, "path");
        var query = v2 ? Split(Text(root, "rawQueryString")) : Map(root, "queryStringParameters");
        var cookieList = v2 ? V2Cookies(root) : HeaderCookies(headers.GetValueOrDefault("cookie"));
        var clientIp = v2 ? Text(Child(context, "http"), "sourceIp") : Text(Child(context, "identity"), "sourceIp");
        var userAgent = headers.GetValueOrDefault("user-agent") ?? (v2 ? Text(Child(context, "http"), "userAgent") : Text(Child(context, "identity"), "userAgent"));
        var host = headers.GetValueOrDefault("host") ?? Text(context, "domainName") ?? "localhost";
        var scheme = headers.GetValueOrDefault("x-forwarded-proto") ?? "https";
        var queryText = v2 ? Text(root, "rawQueryString") : Join(query);
        var url = $"{scheme}://{host}{path}{(string.IsNullOrEmpty(queryText) ? "" : "?" + queryText)}";
        var domain = Text(context, "domainName") ?? "";
        var source = options.Source ?? (domain.Contains(".lambda-url.", StringComparison.Ordinal) ? "lambda-function-url" : v2 ? "lambda-http-api" : "lambda-rest-api");

        var forwarded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var authorization = options.ForwardAuthorization && name == "authorization";
            if (forwarded.Count < MaxEntries && (authorization || !options.DenyHeaders.Contains(name)))
            {
                forwarded[name] = value;
            }
        }

        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in cookieList)
        {
            if (cookies.Count < MaxEntries)
            {
                cookies[name] = name == ProofParameter.PassCookieName || options.CookieValues.Contains(name) ? value : "";
            }
        }

        query.TryGetValue(ProofParameter.Name, out var proof);
        query.Remove(ProofParameter.Name);
        var evt = new EsperEvent
        {
            ObservedAt = time.GetUtcNow(),
            Source = source,
            ReturnUrl = url,
            Request = new EsperRequest
            {
                Method = method,
                Path = path,
                ClientIp = clientIp,
                UserAgent = userAgent,
                Headers = forwarded.Count == 0 ? null : forwarded,
                QueryParams = query.Count == 0 ? null : query,
                Cookies = cookies.Count == 0 ? null : cookies,
                RouteParams = Map(root, "pathParameters") is { Count: > 0 } route ? route : null,
            },
            Fields = Text(context, "requestId") is { } requestId ? new Dictionary<string, string> { ["aws_request_id"] = requestId } : null,
        };
        var browser = method is "GET" or "HEAD" && (headers.GetValueOrDefault("accept")?.Contains("text/html", StringComparison.OrdinalIgnoreCase) ?? false);
        return new LambdaRequest(evt, v2, method is "GET" or "HEAD" && !string.IsNullOrEmpty(proof) ? proof : null, browser, url);
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Map(JsonElement parent, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(parent, name) is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.String && result.Count < MaxEntries)
                {
                    result[entry.Name] = entry.Value.GetString()!;
                }
            }
        }

        return result;
    }

    // v1 has headers and multiValueHeaders in the sender's case; v2 lower-cases them and joins repeats with commas.
    private static Dictionary<string, string> Headers(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Map(root, "headers"))
        {
            result[name.ToLowerInvariant()] = value;
        }

        if (Child(root, "multiValueHeaders") is { ValueKind: JsonValueKind.Object } multi)
        {
            foreach (var entry in multi.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Array)
                {
                    result[entry.Name.ToLowerInvariant()] = string.Join(", ", entry.Value.EnumerateArray().Where(static v => v.ValueKind == JsonValueKind.String).Select(static v => v.GetString()));
                }
            }
        }

        return result;
    }

    private static List<(string Name, string Value)> V2Cookies(JsonElement root)
    {
        var result = new List<(string, string)>();
        if (Child(root, "cookies") is { ValueKind: JsonValueKind.Array } cookies)
        {
            foreach (var cookie in cookies.EnumerateArray())
            {
                result.AddRange(HeaderCookies(cookie.GetString()));
            }
        }

        return result;
    }

    private static List<(string Name, string Value)> HeaderCookies(string? header)
    {
        var result = new List<(string, string)>();
        foreach (var part in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            result.Add((pair[0], pair.Length == 2 ? pair[1].Trim('"') : ""));
        }

        return result;
    }

    private static Dictionary<string, string> Split(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0].Replace('+', ' '));
            if (!result.ContainsKey(name) && result.Count < MaxEntries)
            {
                result[name] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            }
        }

        return result;
    }

    private static string Join(Dictionary<string, string> query) =>
        string.Join('&', query.Select(static p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}
