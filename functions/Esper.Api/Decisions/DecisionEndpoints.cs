using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Runtime;
using Esper.Storage.Repositories;

namespace Esper.Api.Decisions;

/// <summary>
/// <c>GET /api/v1/decisions/{id}</c>: one recorded decision by the id the integration logged, with the clauses that
/// fired, the reason and the event (secrets redacted). Like the results reads, it first lets this process finish
/// the record writes it started after answering, so a decision can be looked up right after it is answered.
/// </summary>
internal sealed class DecisionEndpoints(DecisionRepository decisions, JournalRecovery recovery, PendingRecordings pending) : IApiEndpointModule
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    public IEnumerable<Endpoint> Endpoints => [new("GetDecision", Access.Admin, GetAsync)];

    private async ValueTask<ApiResponse> GetAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var id = call.Route("id");
        recovery.Touch(tenantId);
        await pending.SettleAsync(tenantId, SettleLimit, cancellationToken).ConfigureAwait(false);
        var detail = await decisions.GetAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        if (detail is null)
        {
            return Problems.NotFound($"No decision '{id}' (decisions are kept for the retention period).");
        }

        var r = detail.Record;
        var view = new RecordedDecisionView(
            r.DecisionId, r.DecidedAt, r.Action, r.PolicyId, r.MitigationId, r.Reason ?? "", r.Beacon, r.Actions, detail.Matches, detail.Event, r.Recovered);
        return JsonResponses.Create(200, view, ReadableJson.Api.RecordedDecisionView);
    }
}
