namespace Esper.Cli.Hybrid;

/// <summary>
/// One enforcing proxy: the loopback address it serves on and the app it forwards allowed requests to, from
/// <c>--proxy &lt;listen&gt;=&lt;upstream&gt;</c> (e.g. <c>http://127.0.0.1:8080=http://127.0.0.1:3000</c>) or a
/// <c>&lt;proxy&gt;</c> element of runtime.xml.
/// </summary>
internal sealed record ProxyRoute(Uri Listen, Uri Upstream)
{
    /// <summary>The listen address as Kestrel takes it, without the trailing slash.</summary>
    public string ListenText => Listen.GetLeftPart(UriPartial.Authority);

    /// <summary>Parses the flag's value; the error says what is wrong, for the usage message.</summary>
    public static ProxyRoute? TryParse(string text, out string? error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--proxy takes <listen>=<upstream>, e.g. http://127.0.0.1:8080=http://127.0.0.1:3000, not '{text}'";
            return null;
        }

        var route = TryCreate(text[..equals], text[(equals + 1)..], out error);
        error = error is null ? null : "--proxy: " + error;
        return route;
    }

    /// <summary>Checks one listen/upstream pair; the error names the side that is wrong.</summary>
    public static ProxyRoute? TryCreate(string listenText, string upstreamText, out string? error)
    {
        if (!Uri.TryCreate(listenText, UriKind.Absolute, out var listen) || listen.Scheme != Uri.UriSchemeHttp || !listen.IsLoopback || listen.AbsolutePath != "/")
        {
            error = $"the listen side must be an http:// loopback address with no path, such as http://127.0.0.1:8080, not '{listenText}'";
            return null;
        }

        if (!Uri.TryCreate(upstreamText, UriKind.Absolute, out var upstream) || (upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps))
        {
            error = $"the upstream must be an absolute http(s) URL, not '{upstreamText}'";
            return null;
        }

        error = null;
        return new ProxyRoute(listen, upstream);
    }
}
