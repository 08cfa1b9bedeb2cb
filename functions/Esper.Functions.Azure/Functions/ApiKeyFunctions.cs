using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>The tenant's API keys. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class ApiKeyFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListApiKeys")]
    public Task<IActionResult> ListApiKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/api-keys")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreateApiKey")]
    public Task<IActionResult> CreateApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/api-keys")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetApiKey")]
    public Task<IActionResult> GetApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/api-keys/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/api-keys/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
