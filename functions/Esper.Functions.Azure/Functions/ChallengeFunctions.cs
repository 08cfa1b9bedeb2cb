using Esper.Functions.Azure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Esper.Functions.Azure.Functions;

/// <summary>The managed challenge: page, solve, proof verification, setup status. Each trigger only binds and dispatches.</summary>
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
