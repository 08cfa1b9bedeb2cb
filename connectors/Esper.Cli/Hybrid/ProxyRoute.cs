namespace Esper.Cli.Hybrid;

/// <summary>
/// <c>esper run --proxy &lt;listen&gt;=&lt;upstream&gt;</c>: the loopback address the enforcing proxy serves on and
/// the app it forwards allowed requests to, e.g. <c>http://127.0.0.1:8080=http://127.0.0.1:3000</c>.
/// </summary>
internal sealed record ProxyRoute(Uri Listen, Uri Upstream)
{
    /// <summary>Parses the flag's value; the error says what is wrong, for the usage message.</summary>
    public static ProxyRoute? TryParse(string text, out string? error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--proxy takes <listen>=<upstream>, e.g. http://127.0.0.1:8080=http://127.0.0.1:3000, not '{text}'";
            return null;
        }

        if (!Uri.TryCreate(text[..equals], UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp || !listen.IsLoopback || listen.AbsolutePath != "/")
        {
            error = $"--proxy: the listen side must be an http:// loopback address with no path, such as http://127.0.0.1:8080, not '{text[..equals]}'";
            return null;
        }

        if (!Uri.TryCreate(text[(equals + 1)..], UriKind.Absolute, out var upstream) || (upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps))
        {
            error = $"--proxy: the upstream must be an absolute http(s) URL, not '{text[(equals + 1)..]}'";
            return null;
        }

        error = null;
        return new ProxyRoute(listen, upstream);
    }
}
