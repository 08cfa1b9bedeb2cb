using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Configuration of the tenant's policies. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class PolicyFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListPolicies")]
    public Task<IActionResult> ListPolicies([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/policies")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreatePolicy")]
    public Task<IActionResult> CreatePolicy([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/policies")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetPolicy")]
    public Task<IActionResult> GetPolicy([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/policies/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ReplacePolicy")]
    public Task<IActionResult> ReplacePolicy([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/policies/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("PatchPolicy")]
    public Task<IActionResult> PatchPolicy([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/policies/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("DeletePolicy")]
    public Task<IActionResult> DeletePolicy([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/policies/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
