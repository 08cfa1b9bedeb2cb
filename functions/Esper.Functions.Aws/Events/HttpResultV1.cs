namespace Esper.Functions.Aws.Events;

/// <summary>The response document for payload 1.0 (REST APIs and HTTP API v1).</summary>
internal sealed class HttpResultV1
{
    public required int StatusCode { get; init; }

    public required Dictionary<string, string> Headers { get; init; }

    public required Dictionary<string, List<string>> MultiValueHeaders { get; init; }

    public required string Body { get; init; }

    public required bool IsBase64Encoded { get; init; }
}
