using Esper.Api.Config;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Storage.Repositories;

namespace Esper.Api.Results;

/// <summary>
/// Per-policy results read from the sharded counters (never from decision records), and for one policy its
/// recent decisions. Policies that were deleted but still have counters are reachable by id.
/// </summary>
internal sealed class ResultsEndpoints(ConfigRepository config, ResultsRepository results, DecisionRepository decisions, EsperApiOptions options) : IApiEndpointModule
{
    public IEnumerable<Endpoint> Endpoints =>
    [
        new("ListPolicyResults", Access.Admin, ListAsync),
        new("GetPolicyResults", Access.Admin, GetAsync),
    ];

    private async ValueTask<ApiResponse> ListAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var snapshot = await ConfigSnapshot.LoadAsync(config, tenantId, cancellationToken).ConfigureAwait(false);
        var reads = snapshot.Policies.Select(p => results.GetAsync(tenantId, p.Id, cancellationToken).AsTask()).ToArray();
        var counters = await Task.WhenAll(reads).ConfigureAwait(false);
        var views = snapshot.Policies.Zip(counters, (p, c) => View(c, p.Name)).ToList();
        return JsonResponses.Create(200, new ItemList<PolicyResultsView>(views), ApiJsonContext.Default.ItemListPolicyResultsView);
    }

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
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
        return JsonResponses.Create(200, View(counters.Result, name) with { RecentDecisions = recent.Result }, ApiJsonContext.Default.PolicyResultsView);
    }

    private static PolicyResultsView View(PolicyResults r, string? name) =>
        new(r.PolicyId, name, r.Total, r.Observe, r.Challenge, r.Block, r.DryRun, r.LastMatchedAt);
}
