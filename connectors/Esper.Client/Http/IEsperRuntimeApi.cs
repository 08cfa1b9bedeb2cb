using Refit;

namespace Esper.Client.Http;

/// <summary>The runtime routes an integration calls on every request (short timeouts, safe retries).</summary>
internal interface IEsperRuntimeApi
{
    [Post("/api/v1/runtime/mitigation")]
    Task<EsperDecision> DecideAsync([Body] EsperEvent body, CancellationToken cancellationToken);

    [Post("/api/v1/beacon/event")]
    Task<BeaconAccepted> BeaconAsync([Body] EsperEvent body, CancellationToken cancellationToken);

    [Post("/api/v1/beacon/event")]
    Task<BeaconAccepted> BeaconBatchAsync([Body] EsperEvent[] body, CancellationToken cancellationToken);

    [Post("/api/v1/challenge/proof/verify")]
    Task<ProofVerification> VerifyProofAsync([Body] ProofVerifyRequest body, CancellationToken cancellationToken);
}
