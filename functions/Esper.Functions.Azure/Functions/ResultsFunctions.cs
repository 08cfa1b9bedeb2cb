using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Per-policy results. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class ResultsFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListPolicyResults")]
    public Task<IActionResult> ListPolicyResults([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/results/policies")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetPolicyResults")]
    public Task<IActionResult> GetPolicyResults([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/results/policies/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetResultsTimeline")]
    public Task<IActionResult> GetResultsTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/results/timeline")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetPolicyTimeline")]
    public Task<IActionResult> GetPolicyTimeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/results/policies/{id}/timeline")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
