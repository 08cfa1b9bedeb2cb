namespace Esper.Functions.Aws.Events;

/// <summary>The parts of an event's requestContext that Esper reads.</summary>
internal sealed class HttpEventRequestContext
{
    /// <summary>Payload 2.0: method, path and caller address.</summary>
    public HttpEventHttp? Http { get; init; }

    /// <summary>Payload 1.0: caller identity, including its address.</summary>
    public HttpEventIdentity? Identity { get; init; }

    /// <summary>The API stage; "$default" for HTTP APIs' default stage and function URLs.</summary>
    public string? Stage { get; init; }
}
