using Esper.Api.Http;

namespace Esper.Api.Runtime;

/// <summary>The runtime decision and beacon endpoints.</summary>
internal sealed class RuntimeEndpoints : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("RuntimeMitigation", Access.Runtime, static (_, _) => ValueTask.FromResult(Problems.Create(503, "unavailable", "Not ready."))),
        new("BeaconEvent", Access.Runtime, static (_, _) => ValueTask.FromResult(Problems.Create(503, "unavailable", "Not ready."))),
    ];
}
