using System.Text;
using Esper.Api.Http;

namespace Esper.Functions.Aws.Events;

/// <summary>Writes an <see cref="ApiResponse"/> as the payload 1.0 or 2.0 response document.</summary>
internal static class ResponseTranslator
{
    private const string SetCookie = "Set-Cookie";

    public static HttpResultV2 ToV2(ApiResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        List<string>? cookies = null;
        foreach (var (name, value) in response.Headers)
        {
            if (string.Equals(name, SetCookie, StringComparison.OrdinalIgnoreCase))
            {
                // Payload 2.0 only honours cookies given in the cookies array.
                (cookies ??= []).Add(value);
            }
            else
            {
                headers[name] = value;
            }
        }

        AddContentType(headers, response);
        var (body, isBase64) = Body(response);
        return new HttpResultV2 { StatusCode = response.StatusCode, Headers = headers, Cookies = cookies, Body = body, IsBase64Encoded = isBase64 };
    }

    public static HttpResultV1 ToV1(ApiResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
            multi[name] = [value];
        }

        AddContentType(headers, response);
        if (response.ContentType is not null)
        {
            multi["Content-Type"] = [response.ContentType];
        }

        var (body, isBase64) = Body(response);
        return new HttpResultV1 { StatusCode = response.StatusCode, Headers = headers, MultiValueHeaders = multi, Body = body, IsBase64Encoded = isBase64 };
    }

    private static void AddContentType(Dictionary<string, string> headers, ApiResponse response)
    {
        if (response.ContentType is not null)
        {
            headers["Content-Type"] = response.ContentType;
        }
    }

    /// <summary>Text goes out as is; anything else is base64 so API Gateway passes the bytes through unchanged.</summary>
    private static (string Body, bool IsBase64) Body(ApiResponse response)
    {
        if (response.Body.IsEmpty)
        {
            return (string.Empty, false);
        }

        return IsText(response.ContentType)
            ? (Encoding.UTF8.GetString(response.Body.Span), false)
            : (Convert.ToBase64String(response.Body.Span), true);
    }

    private static bool IsText(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase));
}
