namespace Esper.Functions.Aws.Events;

/// <summary>requestContext.http of a payload 2.0 event.</summary>
internal sealed class HttpEventHttp
{
    public string? Method { get; init; }

    public string? Path { get; init; }

    public string? SourceIp { get; init; }
}
