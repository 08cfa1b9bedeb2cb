namespace Esper.Client.Http;

/// <summary>The <see cref="IEsperClient"/> over the two Refit interfaces, and the hand-written decision call.</summary>
internal sealed class EsperClient : IEsperClient
{
    private readonly IEsperRuntimeApi _runtime;
    private readonly IEsperControlApi _control;
    private readonly DecisionChannel _decisions;

    public EsperClient(IEsperRuntimeApi runtime, IEsperControlApi control, DecisionChannel decisions)
    {
        _runtime = runtime;
        _control = control;
        _decisions = decisions;
        Actions = new EsperResources<EsperAction>(control, "actions", EsperJsonContext.Default.EsperAction, EsperJsonContext.Default.ItemListEsperAction);
        Entities = new EsperResources<EsperEntity>(control, "entities", EsperJsonContext.Default.EsperEntity, EsperJsonContext.Default.ItemListEsperEntity);
        Mitigations = new EsperResources<EsperMitigation>(control, "mitigations", EsperJsonContext.Default.EsperMitigation, EsperJsonContext.Default.ItemListEsperMitigation);
        Policies = new EsperResources<EsperPolicy>(control, "policies", EsperJsonContext.Default.EsperPolicy, EsperJsonContext.Default.ItemListEsperPolicy);
    }

    public IEsperResources<EsperAction> Actions { get; }

    public IEsperResources<EsperEntity> Entities { get; }

    public IEsperResources<EsperMitigation> Mitigations { get; }

    public IEsperResources<EsperPolicy> Policies { get; }

    public async Task<EsperDecision> DecideAsync(EsperEvent request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = JsonBodyWriter.Serialize(WithIdempotencyKey(request));
        return await _decisions.DecideAsync(body.Memory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decision for a body the caller already wrote as JSON (the middleware writes it straight from the
    /// request); it must carry its <c>idempotency_key</c>. The caller keeps <paramref name="body"/> until this completes.
    /// </summary>
    internal Task<EsperDecision> DecideAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        _decisions.DecideAsync(body, cancellationToken);

    public Task<BeaconAccepted> SendBeaconAsync(EsperEvent request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keyed = WithIdempotencyKey(request);
        return EsperCalls.RunAsync(ct => _runtime.BeaconAsync(keyed, ct), cancellationToken);
    }

    public Task<BeaconAccepted> SendBeaconAsync(IReadOnlyList<EsperEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var keyed = events.Select(WithIdempotencyKey).ToArray();
        return EsperCalls.RunAsync(ct => _runtime.BeaconBatchAsync(keyed, ct), cancellationToken);
    }

    public Task<ProofVerification> VerifyProofAsync(string proof, string? url = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(proof);
        return EsperCalls.RunAsync(ct => _runtime.VerifyProofAsync(new ProofVerifyRequest(proof, url), ct), cancellationToken);
    }

    public Task<IReadOnlyList<EsperApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct => (await _control.ListKeysAsync(ct).ConfigureAwait(false)).Items, cancellationToken);

    public Task<EsperApiKey> GetApiKeyAsync(string id, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(ct => _control.GetKeyAsync(id, ct), cancellationToken);

    public Task<EsperApiKey> CreateApiKeyAsync(ApiKeyCreate key, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(ct => _control.CreateKeyAsync(key, ct), cancellationToken);

    public Task RevokeApiKeyAsync(string id, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct =>
        {
            await _control.RevokeKeyAsync(id, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<PolicyResults>> ListResultsAsync(CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct => (await _control.ListResultsAsync(ct).ConfigureAwait(false)).Items, cancellationToken);

    public Task<PolicyResults> GetResultsAsync(string policyId, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(ct => _control.GetResultsAsync(policyId, ct), cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        EsperCalls.RunAsync(async ct => (await _control.AuditAsync(limit, ct).ConfigureAwait(false)).Items, cancellationToken);

    // One key per logical call, fixed before the resilience pipeline sees the body, so every retry repeats it.
    private static EsperEvent WithIdempotencyKey(EsperEvent request) =>
        string.IsNullOrEmpty(request.IdempotencyKey) ? request with { IdempotencyKey = Guid.NewGuid().ToString("N") } : request;
}
