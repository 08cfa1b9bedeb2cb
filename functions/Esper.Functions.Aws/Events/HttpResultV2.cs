namespace Esper.Functions.Aws.Events;

/// <summary>The response document for payload 2.0 (HTTP API v2 and function URLs).</summary>
internal sealed class HttpResultV2
{
    public required int StatusCode { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    /// <summary>Set-Cookie values; payload 2.0 carries them here rather than in headers.</summary>
    public List<string>? Cookies { get; init; }

    public required string Body { get; init; }

    public required bool IsBase64Encoded { get; init; }
}
