using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>The challenge page, its solution and proof checks. Each trigger only binds and hands the request to the shared handler.</summary>
internal sealed class ChallengeFunctions(FunctionDispatcher dispatcher)
{
    [Function("ChallengePage")]
    public Task<IActionResult> ChallengePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "challenge/{id}")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("SolveChallenge")]
    public Task<IActionResult> SolveChallenge([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "challenge/{id}/solve")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("VerifyChallengeProof")]
    public Task<IActionResult> VerifyChallengeProof([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/challenge/proof/verify")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);

    [Function("ChallengeStatus")]
    public Task<IActionResult> ChallengeStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/challenge/status")] HttpRequest request) =>
        dispatcher.DispatchAsync(request);
}
