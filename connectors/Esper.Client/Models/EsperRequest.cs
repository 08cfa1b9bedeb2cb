namespace Esper.Client;

/// <summary>The HTTP request part of an <see cref="EsperEvent"/>.</summary>
public sealed record EsperRequest
{
    /// <summary>HTTP method, e.g. <c>POST</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Path, optionally with its query string.</summary>
    public string? Path { get; init; }

    /// <summary>The client's IP address.</summary>
    public string? ClientIp { get; init; }

    /// <summary>The client's user agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Request headers (names are lower-cased by Esper).</summary>
    public IDictionary<string, string>? Headers { get; init; }

    /// <summary>Query parameters.</summary>
    public IDictionary<string, string>? QueryParams { get; init; }

    /// <summary>Cookies (Esper reads the challenge pass from <c>esper_challenge</c>).</summary>
    public IDictionary<string, string>? Cookies { get; init; }

    /// <summary>Route values of the endpoint that serves the request.</summary>
    public IDictionary<string, string>? RouteParams { get; init; }
}
