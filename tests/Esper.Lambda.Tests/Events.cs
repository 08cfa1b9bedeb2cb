namespace Esper.Lambda.Tests;

/// <summary>Events in the JSON shapes API Gateway and function URLs send (trimmed to the fields that matter).</summary>
internal static class Events
{
    public static string RestV1(string method, string path, string ip, string userAgent, string? cookie = null) => $$"""
        {
          "resource": "{{path}}", "path": "{{path}}", "httpMethod": "{{method}}",
          "headers": { "Host": "abc123.execute-api.eu-west-1.amazonaws.com", "User-Agent": "{{userAgent}}", "Accept": "application/json", "X-Forwarded-Proto": "https", "Authorization": "Bearer secret"{{(cookie is null ? "" : $", \"Cookie\": \"{cookie}\"")}} },
          "multiValueHeaders": null,
          "queryStringParameters": null, "pathParameters": null,
          "requestContext": { "requestId": "req-{{Guid.NewGuid():N}}", "stage": "prod", "identity": { "sourceIp": "{{ip}}", "userAgent": "{{userAgent}}" } },
          "body": null, "isBase64Encoded": false
        }
        """;

    public static string HttpApiV2(string method, string rawPath, string rawQuery, string ip, string userAgent, string accept, string? domain = null, string[]? cookies = null) => $$"""
        {
          "version": "2.0", "routeKey": "$default", "rawPath": "{{rawPath}}", "rawQueryString": "{{rawQuery}}",
          {{(cookies is null ? "" : "\"cookies\": [" + string.Join(",", cookies.Select(c => "\"" + c + "\"")) + "],")}}
          "headers": { "host": "{{domain ?? "abc123.execute-api.eu-west-1.amazonaws.com"}}", "user-agent": "{{userAgent}}", "accept": "{{accept}}", "x-forwarded-proto": "https" },
          "requestContext": {
            "domainName": "{{domain ?? "abc123.execute-api.eu-west-1.amazonaws.com"}}", "requestId": "req-{{Guid.NewGuid():N}}",
            "http": { "method": "{{method}}", "path": "{{rawPath}}", "protocol": "HTTP/1.1", "sourceIp": "{{ip}}", "userAgent": "{{userAgent}}" }
          },
          "isBase64Encoded": false
        }
        """;

    public static string FunctionUrl(string method, string rawPath, string ip, string userAgent) =>
        HttpApiV2(method, rawPath, "", ip, userAgent, "application/json", "abcdefg.lambda-url.eu-west-1.on.aws");
}
