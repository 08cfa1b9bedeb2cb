using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>The tenant's audit log. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class AuditFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListAudit")]
    public Task<IActionResult> ListAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/audit")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
