using System.Net;
using Esper.Api.Http;
using Microsoft.AspNetCore.Http;

namespace Esper.Functions.Azure.Http;

/// <summary>Turns the trigger's ASP.NET Core request into the shared handlers' <see cref="ApiRequest"/>.</summary>
internal static class ApiRequestReader
{
    public static async Task<ApiRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.FirstOrDefault() ?? string.Empty;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values.Where(static v => v is not null));
        }

        return new ApiRequest
        {
            Method = request.Method.ToUpperInvariant(),
            Path = request.Path.HasValue ? request.Path.Value! : "/",
            Query = query,
            Headers = headers,
            Body = body.ToArray(),
            RemoteIp = RemoteIp(request),
        };
    }

    /// <summary>
    /// Behind the Functions front end the worker sees the host as its peer; the front end puts the caller first
    /// in X-Forwarded-For (as "ip:port" for IPv4), so that is the caller's address.
    /// </summary>
    private static string? RemoteIp(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var first = forwarded.Split(',')[0].Trim();
            if (IPEndPoint.TryParse(first, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }
}
