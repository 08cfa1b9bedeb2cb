namespace Esper.Functions.Aws.Events;

/// <summary>requestContext.identity of a payload 1.0 event.</summary>
internal sealed class HttpEventIdentity
{
    public string? SourceIp { get; init; }
}
