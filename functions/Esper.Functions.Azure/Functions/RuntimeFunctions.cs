using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>The request-decision endpoints integrations call on every request. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class RuntimeFunctions(FunctionDispatcher dispatcher)
{
    [Function("RuntimeMitigation")]
    public Task<IActionResult> RuntimeMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/runtime/mitigation")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("BeaconEvent")]
    public Task<IActionResult> BeaconEvent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/beacon/event")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
