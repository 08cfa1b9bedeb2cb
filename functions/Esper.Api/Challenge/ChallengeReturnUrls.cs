using Esper.Core.Resources;

namespace Esper.Api.Challenge;

/// <summary>
/// Chooses where a challenged visitor returns: the runtime request's <c>return_url</c>, else the mitigation's
/// <c>return_url_template</c> (where <c>{path}</c> stands for the request's path and query). A value starting with
/// '/' is placed on the allowed origin whose host the request named (Host header), else on the first allowed origin.
/// The result always passes <see cref="ReturnUrlGuard"/>.
/// </summary>
internal static class ChallengeReturnUrls
{
    /// <summary>The origins a mitigation allows: its <c>allowed_origins</c> plus the origin of an absolute template.</summary>
    public static IReadOnlyList<string> AllowedOrigins(ChallengeOptions? challenge)
    {
        var origins = new List<string>();
        foreach (var entry in challenge?.AllowedOrigins ?? [])
        {
            if (ReturnUrlGuard.NormalizeOrigin(entry) is { } origin && !origins.Contains(origin))
            {
                origins.Add(origin);
            }
        }

        if (challenge?.ReturnUrlTemplate is { } template && !template.StartsWith('/')
            && Uri.TryCreate(template.Replace("{path}", "/", StringComparison.Ordinal), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            var origin = ReturnUrlGuard.OriginOf(url);
            if (!origins.Contains(origin))
            {
                origins.Add(origin);
            }
        }

        return origins;
    }

    /// <summary>Resolves and checks the return URL for one challenge.</summary>
    public static ReturnUrlCheck Resolve(ChallengeOptions? challenge, string? requestReturnUrl, string? requestPath, string? requestHost, bool allowLoopback = false)
    {
        var allowed = AllowedOrigins(challenge);
        var candidate = !string.IsNullOrWhiteSpace(requestReturnUrl)
            ? requestReturnUrl.Trim()
            : challenge?.ReturnUrlTemplate?.Replace("{path}", PathOf(requestPath), StringComparison.Ordinal);
        if (allowLoopback && LoopbackOrigin(candidate) is { } loopback && !allowed.Contains(loopback))
        {
            allowed = [.. allowed, loopback];
        }

        if (allowed.Count == 0)
        {
            // Nothing could pass: say what to set, in the words the mitigation's write and the setup check use.
            return ReturnUrlCheck.Refused(ChallengeReadiness.NoAllowedOrigin);
        }

        if (candidate is not null && candidate.StartsWith('/') && !candidate.StartsWith("//", StringComparison.Ordinal))
        {
            candidate = OriginForHost(allowed, requestHost) + candidate;
        }

        return ReturnUrlGuard.Check(candidate, allowed);
    }

    // Only a well-formed absolute URL qualifies; the guard still checks everything else about it.
    private static string? LoopbackOrigin(string? candidate) =>
        candidate is not null && Uri.TryCreate(candidate, UriKind.Absolute, out var url) && url.IsLoopback
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? ReturnUrlGuard.OriginOf(url)
            : null;

    private static string PathOf(string? path) =>
        string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) ? "/" : path;

    private static string OriginForHost(IReadOnlyList<string> allowed, string? host)
    {
        if (!string.IsNullOrEmpty(host))
        {
            foreach (var origin in allowed)
            {
                if (string.Equals(origin[(origin.IndexOf("://", StringComparison.Ordinal) + 3)..], host, StringComparison.OrdinalIgnoreCase))
                {
                    return origin;
                }
            }
        }

        return allowed[0];
    }
}
