namespace Esper.Api.Http;

/// <summary>A transport-free HTTP response produced by the shared handlers.</summary>
public sealed class ApiResponse
{
    /// <summary>HTTP status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Response headers other than Content-Type.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyHeaders.Instance;

    /// <summary>Content-Type of <see cref="Body"/>, or null when there is no body.</summary>
    public string? ContentType { get; init; }

    /// <summary>The response body (empty when none).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}
