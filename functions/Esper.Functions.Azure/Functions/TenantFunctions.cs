using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Tenant management (operator token) and memberships. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class TenantFunctions(FunctionDispatcher dispatcher)
{
    [Function("CreateTenant")]
    public Task<IActionResult> CreateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tenants")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("UpdateTenant")]
    public Task<IActionResult> UpdateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/tenants/{tenant_id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ListMemberships")]
    public Task<IActionResult> ListMemberships([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/tenants/{tenant_id}/memberships")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("PutMembership")]
    public Task<IActionResult> PutMembership([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tenants/{tenant_id}/memberships")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("DeleteMembership")]
    public Task<IActionResult> DeleteMembership([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/tenants/{tenant_id}/memberships/{user_id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
