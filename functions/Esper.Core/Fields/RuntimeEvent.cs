namespace Esper.Core.Fields;

/// <summary>
/// One event as a source sends it (the runtime and beacon body), after parsing and before encoding.
/// <see cref="RequestEncoder.Parse"/> builds it from a body; <see cref="RequestEncoder.Encode"/> normalises it.
/// </summary>
public sealed class RuntimeEvent
{
    /// <summary>The shared empty map every unset map property starts as.</summary>
    internal static readonly IReadOnlyDictionary<string, string> NoEntries = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>When the source saw the request; null when the body did not say.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>The caller's de-duplication key, if any.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The sending integration or source identifier.</summary>
    public string? Source { get; init; }

    /// <summary>Where a challenged visitor returns after solving, if given.</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>HTTP method as sent.</summary>
    public string? Method { get; init; }

    /// <summary>Raw path as sent (may include a query string).</summary>
    public string? Path { get; init; }

    /// <summary>Client IP as sent.</summary>
    public string? ClientIp { get; init; }

    /// <summary>User agent as sent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Request headers as sent.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoEntries;

    /// <summary>Query parameters as sent.</summary>
    public IReadOnlyDictionary<string, string> QueryParams { get; init; } = NoEntries;

    /// <summary>Cookies as sent.</summary>
    public IReadOnlyDictionary<string, string> Cookies { get; init; } = NoEntries;

    /// <summary>Route parameters as sent.</summary>
    public IReadOnlyDictionary<string, string> RouteParams { get; init; } = NoEntries;

    /// <summary>Tenant fields as sent (string, number or boolean values, as text).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoEntries;

    /// <summary>The request body as JSON text, if sent.</summary>
    public string? BodyJson { get; init; }
}
