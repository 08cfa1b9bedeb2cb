namespace Esper.Client;

/// <summary>
/// Esper's HTTP API. Runtime calls (decide, beacon, proof) use short timeouts and retry safely; an error answer
/// throws <see cref="EsperApiException"/> naming the problem, no answer in time throws
/// <see cref="EsperUnavailableException"/>.
/// </summary>
public interface IEsperClient
{
    /// <summary>Config CRUD of actions.</summary>
    IEsperResources<EsperAction> Actions { get; }

    /// <summary>Config CRUD of entities.</summary>
    IEsperResources<EsperEntity> Entities { get; }

    /// <summary>Config CRUD of mitigations.</summary>
    IEsperResources<EsperMitigation> Mitigations { get; }

    /// <summary>Config CRUD of policies.</summary>
    IEsperResources<EsperPolicy> Policies { get; }

    /// <summary>Asks for a decision. An event without an idempotency key gets one, so every retry of this call counts once.</summary>
    Task<EsperDecision> DecideAsync(EsperEvent request, CancellationToken cancellationToken = default);

    /// <summary>Records one event without asking for a decision.</summary>
    Task<BeaconAccepted> SendBeaconAsync(EsperEvent request, CancellationToken cancellationToken = default);

    /// <summary>Records 1–100 events in one call.</summary>
    Task<BeaconAccepted> SendBeaconAsync(IReadOnlyList<EsperEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Exchanges a challenge proof for a pass (single use, so never retried).</summary>
    Task<ProofVerification> VerifyProofAsync(string proof, string? url = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the tenant's API keys (never a secret).</summary>
    Task<IReadOnlyList<EsperApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one API key.</summary>
    Task<EsperApiKey> GetApiKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates an API key; the answer carries its secret, shown only this once.</summary>
    Task<EsperApiKey> CreateApiKeyAsync(ApiKeyCreate key, CancellationToken cancellationToken = default);

    /// <summary>Revokes an API key.</summary>
    Task RevokeApiKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every policy's counters.</summary>
    Task<IReadOnlyList<PolicyResults>> ListResultsAsync(CancellationToken cancellationToken = default);

    /// <summary>One policy's counters with its recent decisions.</summary>
    Task<PolicyResults> GetResultsAsync(string policyId, CancellationToken cancellationToken = default);

    /// <summary>The newest audit entries first (<paramref name="limit"/> 1–1000, default 100).</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int? limit = null, CancellationToken cancellationToken = default);
}
