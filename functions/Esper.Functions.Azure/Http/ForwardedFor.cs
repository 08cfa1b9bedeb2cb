using System.Net;
using Microsoft.AspNetCore.Http;

namespace Esper.Functions.Azure.Http;

/// <summary>
/// Behind the Functions front end the worker sees the host as its peer; the front end puts the caller first in
/// X-Forwarded-For (as "ip:port" for IPv4), so that is the caller's address.
/// </summary>
internal static class ForwardedFor
{
    public static string? RemoteIp(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(forwarded))
        {
            var first = forwarded.Split(',')[0].Trim();
            if (IPEndPoint.TryParse(first, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
        }

        return context.Connection.RemoteIpAddress?.ToString();
    }
}
