using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Liveness and readiness probes. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class HealthFunctions(FunctionDispatcher dispatcher)
{
    [Function("Health")]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("Ready")]
    public Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "readyz")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
