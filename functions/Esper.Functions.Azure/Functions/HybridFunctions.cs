using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>What hybrid daemons pull: the config snapshot and the active-mitigations feed. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class HybridFunctions(FunctionDispatcher dispatcher)
{
    [Function("GetHybridConfig")]
    public Task<IActionResult> GetHybridConfig([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/hybrid/config")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ListActiveMitigations")]
    public Task<IActionResult> ListActiveMitigations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/hybrid/mitigations")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
