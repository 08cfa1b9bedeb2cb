using Esper.Api.Config;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Runtime;
using Esper.Storage.Repositories;

namespace Esper.Api.Results;

/// <summary>
/// Per-policy results read from the sharded counters (never from decision records), and for one policy its
/// recent decisions. Policies that were deleted but still have counters are reachable by id. A read first waits
/// (briefly) for the record writes this process started after answering, and sweeps the journal when due, so a
/// process reads its own decisions whatever the recording mode.
/// </summary>
internal sealed class ResultsEndpoints(
    ConfigRepository config,
    ResultsRepository results,
    DecisionRepository decisions,
    JournalRecovery recovery,
    PendingRecordings pending,
    EsperApiOptions options) : IApiEndpointModule
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ListPolicyResults", Access.Admin, ListAsync),
        new("GetPolicyResults", Access.Admin, GetAsync),
    ];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        await SettleAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var snapshot = await ConfigSnapshot.LoadAsync(config, tenantId, cancellationToken).ConfigureAwait(false);
        var reads = snapshot.Policies.Select(p => results.GetAsync(tenantId, p.Id, cancellationToken).AsTask()).ToArray();
        var counters = await Task.WhenAll(reads).ConfigureAwait(false);
        var views = snapshot.Policies.Zip(counters, (p, c) => View(c, p.Name)).ToList();
        return JsonResponses.Create(200, new ItemList<PolicyResultsView>(views), ReadableJson.Api.ItemListPolicyResultsView);
    }

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        await SettleAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var id = call.Route("id");
        var policy = config.GetAsync(tenantId, ResourceKinds.Policies.Singular, id, cancellationToken).AsTask();
        var counters = results.GetAsync(tenantId, id, cancellationToken).AsTask();
        var recent = decisions.RecentForPolicyAsync(tenantId, id, options.RecentDecisions, cancellationToken).AsTask();
        await Task.WhenAll(policy, counters, recent).ConfigureAwait(false);
        if (policy.Result is null && counters.Result.Total == 0)
        {
            return Problems.NotFound($"No policy '{id}'.");
        }

        var name = policy.Result is null ? null : System.Text.Json.JsonSerializer.Deserialize(policy.Result.Json, ResourceKinds.Policies.TypeInfo)?.Name;
        return JsonResponses.Create(200, View(counters.Result, name) with { RecentDecisions = recent.Result }, ReadableJson.Api.PolicyResultsView);
    }

    private Task SettleAsync(string tenantId, CancellationToken cancellationToken)
    {
        recovery.Touch(tenantId);
        return pending.SettleAsync(tenantId, SettleLimit, cancellationToken);
    }

    private static PolicyResultsView View(PolicyResults r, string? name) =>
        new(r.PolicyId, name, r.Total, r.Observe, r.Challenge, r.Block, r.DryRun, r.LastMatchedAt);
}
