namespace Esper.AspNetCore;

/// <summary>Endpoint metadata that opts an endpoint in or out of Esper; the most specific one wins.</summary>
public interface IEsperEndpointMetadata
{
    /// <summary>True: always checked; false: never checked.</summary>
    bool Check { get; }
}
