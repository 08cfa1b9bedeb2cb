using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Configuration of the tenant's actions. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class ActionFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListActions")]
    public Task<IActionResult> ListActions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/actions")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreateAction")]
    public Task<IActionResult> CreateAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/actions")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetAction")]
    public Task<IActionResult> GetAction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/actions/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ReplaceAction")]
    public Task<IActionResult> ReplaceAction([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/actions/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("PatchAction")]
    public Task<IActionResult> PatchAction([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/actions/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("DeleteAction")]
    public Task<IActionResult> DeleteAction([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/actions/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
