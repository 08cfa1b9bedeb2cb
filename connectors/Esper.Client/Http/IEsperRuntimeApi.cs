using Refit;

namespace Esper.Client.Http;

/// <summary>
/// The runtime routes besides the decision (short timeouts, safe retries); the decision, called on every request,
/// has its own hand-written call (<see cref="DecisionChannel"/>) over the same HTTP client.
/// </summary>
internal interface IEsperRuntimeApi
{
    [Post("/api/v1/beacon/event")]
    Task<BeaconAccepted> BeaconAsync([Body] EsperEvent body, CancellationToken cancellationToken);

    [Post("/api/v1/beacon/event")]
    Task<BeaconAccepted> BeaconBatchAsync([Body] EsperEvent[] body, CancellationToken cancellationToken);

    [Post("/api/v1/challenge/proof/verify")]
    Task<ProofVerification> VerifyProofAsync([Body] ProofVerifyRequest body, CancellationToken cancellationToken);
}
