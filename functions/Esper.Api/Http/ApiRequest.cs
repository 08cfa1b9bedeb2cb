namespace Esper.Api.Http;

/// <summary>
/// A transport-free HTTP request: what every host (ASP.NET Core, Azure Functions, AWS Lambda) hands to the
/// shared handlers. Hosts only translate their own request type into this one.
/// </summary>
public sealed class ApiRequest
{
    /// <summary>HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>Decoded path, starting with '/', e.g. <c>/api/v1/policies/p_123</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Query string parameters (first value wins when repeated).</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = EmptyHeaders.Instance;

    /// <summary>Request headers; look-ups are case-insensitive. Repeated headers are joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyHeaders.Instance;

    /// <summary>The raw request body (empty when none).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The peer address the host saw, when it knows it.</summary>
    public string? RemoteIp { get; init; }
}
