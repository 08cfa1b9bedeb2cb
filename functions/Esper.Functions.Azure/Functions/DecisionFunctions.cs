using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Recorded decisions by id. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class DecisionFunctions(FunctionDispatcher dispatcher)
{
    [Function("GetDecision")]
    public Task<IActionResult> GetDecision([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/decisions/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
