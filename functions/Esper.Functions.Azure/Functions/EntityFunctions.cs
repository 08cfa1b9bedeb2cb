using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Configuration of the tenant's entities. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class EntityFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListEntities")]
    public Task<IActionResult> ListEntities([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreateEntity")]
    public Task<IActionResult> CreateEntity([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/entities")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetEntity")]
    public Task<IActionResult> GetEntity([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/entities/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ReplaceEntity")]
    public Task<IActionResult> ReplaceEntity([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/entities/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("PatchEntity")]
    public Task<IActionResult> PatchEntity([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/entities/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("DeleteEntity")]
    public Task<IActionResult> DeleteEntity([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/entities/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
