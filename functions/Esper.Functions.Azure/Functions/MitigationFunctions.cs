using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Configuration of the tenant's mitigations. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class MitigationFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListMitigations")]
    public Task<IActionResult> ListMitigations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/mitigations")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreateMitigation")]
    public Task<IActionResult> CreateMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/mitigations")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetMitigation")]
    public Task<IActionResult> GetMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/mitigations/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ReplaceMitigation")]
    public Task<IActionResult> ReplaceMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/mitigations/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("PatchMitigation")]
    public Task<IActionResult> PatchMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/mitigations/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("DeleteMitigation")]
    public Task<IActionResult> DeleteMitigation([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/mitigations/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
