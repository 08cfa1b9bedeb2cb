using System.Globalization;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Api.Runtime;
using Esper.Storage.Repositories;

namespace Esper.Api.Results;

/// <summary>
/// Per-minute timelines read from counters kept while deciding (never from decision records): the tenant's decisions
/// by final action (<c>GET /api/v1/results/timeline</c>) and one policy's firings by outcome
/// (<c>GET /api/v1/results/policies/{id}/timeline</c>), over the last <c>?minutes=</c> (default 60, at most 1440).
/// </summary>
internal sealed class TimelineEndpoints(ResultsRepository results, JournalRecovery recovery, PendingRecordings pending, TimeProvider time) : IApiEndpointModule
{
    private const int MaxMinutes = 1440;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);

    public IEnumerable<Endpoint> Endpoints =>
    [
        new("GetResultsTimeline", Access.Admin, TrafficAsync),
        new("GetPolicyTimeline", Access.Admin, PolicyAsync),
    ];

    private async ValueTask<ApiResponse> TrafficAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!TryRange(call, out var from, out var to, out var problem))
        {
            return problem!;
        }

        await SettleAsync(call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        var minutes = await results.TrafficAsync(call.Key.TenantId, from, to, cancellationToken).ConfigureAwait(false);
        var views = minutes.Select(static m => new MinuteView(m.Start, Get(m, "total"), Get(m, "allow"), null, Get(m, "challenge"), Get(m, "block"), null)).ToList();
        return JsonResponses.Create(200, new TimelineView(null, from, to, views), ApiJsonContext.Default.TimelineView);
    }

    private async ValueTask<ApiResponse> PolicyAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!TryRange(call, out var from, out var to, out var problem))
        {
            return problem!;
        }

        await SettleAsync(call.Key.TenantId, cancellationToken).ConfigureAwait(false);
        var id = call.Route("id");
        var minutes = await results.TimelineAsync(call.Key.TenantId, id, from, to, cancellationToken).ConfigureAwait(false);
        var views = minutes.Select(static m => new MinuteView(m.Start, Get(m, "total"), null, Get(m, "observe"), Get(m, "challenge"), Get(m, "block"), Get(m, "dry_run"))).ToList();
        return JsonResponses.Create(200, new TimelineView(id, from, to, views), ApiJsonContext.Default.TimelineView);
    }

    private bool TryRange(ApiCall call, out DateTimeOffset from, out DateTimeOffset to, out ApiResponse? problem)
    {
        var minutes = 60;
        problem = null;
        to = time.GetUtcNow();
        if (call.Request.Query.TryGetValue("minutes", out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 1 or > MaxMinutes))
        {
            problem = Problems.Validation("minutes", $"must be a whole number from 1 to {MaxMinutes}");
        }

        // Whole minutes, the current one included.
        var end = DateTimeOffset.FromUnixTimeSeconds(((to.ToUnixTimeSeconds() / 60) + 1) * 60);
        from = end.AddMinutes(-minutes);
        to = end;
        return problem is null;
    }

    private Task SettleAsync(string tenantId, CancellationToken cancellationToken)
    {
        recovery.Touch(tenantId);
        return pending.SettleAsync(tenantId, SettleLimit, cancellationToken);
    }

    private static long Get(MinuteCounts minute, string name) => minute.Counts.GetValueOrDefault(name);
}
