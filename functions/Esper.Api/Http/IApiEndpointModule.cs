namespace Esper.Api.Http;

/// <summary>
/// A group of endpoints (runtime, config, keys, challenge …). Register one with
/// <c>services.AddSingleton&lt;IApiEndpointModule, YourModule&gt;()</c>; every route in <see cref="ApiRoutes.All"/>
/// needs exactly one endpoint across all modules, checked when the handler is built.
/// </summary>
internal interface IApiEndpointModule
{
    IEnumerable<Endpoint> Endpoints { get; }
}
