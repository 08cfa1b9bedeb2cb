namespace Esper.Functions.Aws.Events;

/// <summary>
/// The fields Esper reads from an API Gateway HTTP API (payload 2.0), function URL (same shape) or REST API
/// (payload 1.0) event. One type holds both shapes so an event is parsed once and then told apart.
/// </summary>
internal sealed class HttpEvent
{
    /// <summary>"2.0" for HTTP API v2 and function URLs, "1.0" for HTTP API v1, absent for REST APIs.</summary>
    public string? Version { get; init; }

    // payload 2.0
    public string? RawPath { get; init; }

    public string? RawQueryString { get; init; }

    public IReadOnlyList<string>? Cookies { get; init; }

    // payload 1.0
    public string? HttpMethod { get; init; }

    public string? Path { get; init; }

    public Dictionary<string, List<string>?>? MultiValueHeaders { get; init; }

    public Dictionary<string, string?>? QueryStringParameters { get; init; }

    public Dictionary<string, List<string>?>? MultiValueQueryStringParameters { get; init; }

    // both
    public Dictionary<string, string?>? Headers { get; init; }

    public HttpEventRequestContext? RequestContext { get; init; }

    public string? Body { get; init; }

    public bool IsBase64Encoded { get; init; }
}
