using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Tenant management (operator token). Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class TenantFunctions(FunctionDispatcher dispatcher)
{
    [Function("CreateTenant")]
    public Task<IActionResult> CreateTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tenants")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
