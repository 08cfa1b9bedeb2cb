using System.Net;

namespace Esper.Client.Guard;

/// <summary>
/// Who asked for what, as the penalty memory keys it: client IP + user agent (the bundled <c>ip-user-agent</c>
/// entity) and method + path. Holds references only; the key string is built when the memory needs it (a decision
/// with a penalty, a failure, or an allow while something is remembered), not on every request.
/// </summary>
internal readonly struct RequestIdentity(string? clientIp, IPAddress? clientAddress, string? userAgent, string? method, string? path)
{
    public static RequestIdentity Of(EsperRequest request) => new(request.ClientIp, null, request.UserAgent, request.Method, request.Path);

    public string? Key()
    {
        var ip = clientIp ?? (clientAddress is null ? null : (clientAddress.IsIPv4MappedToIPv6 ? clientAddress.MapToIPv4() : clientAddress).ToString());
        if (string.IsNullOrEmpty(ip))
        {
            return null;
        }

        var fullPath = path ?? "";
        var query = fullPath.IndexOf('?', StringComparison.Ordinal);
        return string.Join('\n', ip, userAgent, method, query >= 0 ? fullPath[..query] : fullPath);
    }
}
