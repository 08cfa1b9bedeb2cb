using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>Replay jobs. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class ReplayJobFunctions(FunctionDispatcher dispatcher)
{
    [Function("ListReplayJobs")]
    public Task<IActionResult> ListReplayJobs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/replay-jobs")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CreateReplayJob")]
    public Task<IActionResult> CreateReplayJob([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/replay-jobs")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("GetReplayJob")]
    public Task<IActionResult> GetReplayJob([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/replay-jobs/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("CancelReplayJob")]
    public Task<IActionResult> CancelReplayJob([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/replay-jobs/{id}/cancel")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
