namespace Esper.Api.Challenge;

/// <summary>
/// The open-redirect guard: a challenge only ever sends a visitor to an absolute http(s) URL, without user info,
/// on one of the tenant's allowed origins. Anything a browser could read differently from us (backslashes,
/// whitespace, control characters, scheme-relative or scheme-only forms) is refused rather than repaired.
/// </summary>
internal static class ReturnUrlGuard
{
    /// <summary>Longest return URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>Checks <paramref name="url"/> against <paramref name="allowedOrigins"/> (normalized with <see cref="NormalizeOrigin"/>).</summary>
    public static ReturnUrlCheck Check(string? url, IReadOnlyCollection<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(url))
        {
            return ReturnUrlCheck.Refused("no return URL was given (the request's return_url) and the mitigation has no challenge.return_url_template");
        }

        var parsed = ParseAbsoluteHttp(url, out var error);
        if (parsed is null)
        {
            return ReturnUrlCheck.Refused(error!);
        }

        var origin = OriginOf(parsed);
        return allowedOrigins.Contains(origin, StringComparer.Ordinal)
            ? ReturnUrlCheck.Allowed(parsed, origin)
            : ReturnUrlCheck.Refused($"the return URL's origin {origin} is not in the tenant's allowed challenge origins (challenge.allowed_origins)");
    }

    /// <summary>
    /// Normalizes an allowed-origin entry (<c>https://Shop.Example:443</c> → <c>https://shop.example</c>); null when
    /// the entry is not a bare http(s) origin.
    /// </summary>
    public static string? NormalizeOrigin(string entry)
    {
        var parsed = ParseAbsoluteHttp(entry.TrimEnd('/'), out _);
        if (parsed is null || parsed.AbsolutePath != "/" || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            return null;
        }

        return OriginOf(parsed);
    }

    /// <summary>The origin (<c>scheme://host[:port]</c>, lower case, default port omitted) of an absolute URL.</summary>
    public static string OriginOf(Uri url) =>
        url.IsDefaultPort
            ? $"{url.Scheme}://{url.IdnHost}".ToLowerInvariant()
            : $"{url.Scheme}://{url.IdnHost}:{url.Port}".ToLowerInvariant();

    private static Uri? ParseAbsoluteHttp(string url, out string? error)
    {
        error = null;
        if (url.Length > MaxLength)
        {
            error = $"the return URL is longer than {MaxLength} characters";
            return null;
        }

        foreach (var c in url)
        {
            if (c <= ' ' || c == '\\' || c == '\u007f' || char.IsWhiteSpace(c))
            {
                error = "the return URL contains a backslash, whitespace or a control character";
                return null;
            }
        }

        // Insist on the literal "scheme://" prefix: forms such as "https:evil.example" or "//evil.example" are read
        // differently by different parsers, and that difference is what open redirects are made of.
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            error = "the return URL must be an absolute http or https URL";
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(parsed.Host))
        {
            error = "the return URL must be an absolute http or https URL";
            return null;
        }

        if (parsed.UserInfo.Length > 0 || AuthorityOf(url).Contains('@'))
        {
            error = "the return URL must not contain user information (user@host)";
            return null;
        }

        return parsed;
    }

    private static ReadOnlySpan<char> AuthorityOf(string url)
    {
        var rest = url.AsSpan(url.IndexOf("://", StringComparison.Ordinal) + 3);
        var end = rest.IndexOfAny('/', '?', '#');
        return end < 0 ? rest : rest[..end];
    }
}
