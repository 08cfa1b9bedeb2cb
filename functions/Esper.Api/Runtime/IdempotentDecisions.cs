using System.Text;
using System.Text.Json;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// Decides once per idempotency key. The first request claims the key with put-if-absent and stores its answer;
/// concurrent and later retries (24 h) get that same answer and count nothing. A retry that finds the claim still
/// pending waits briefly for it; a claim whose request died expires after a short lease so the key is not stuck.
/// The rate-limit count, the claim and the config version check share one parallel store round; the answer is
/// stored in the same round as the decision's records.
/// </summary>
internal sealed class IdempotentDecisions(IdempotencyRepository repository, DecisionRunner runner, PolicySetCache cache, EsperApiOptions options, TimeProvider time)
{
    internal const string Kind = "runtime";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async ValueTask<ApiResponse> DecideAsync(ApiCall call, RuntimeEvent ev, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        var limited = call.CheckRateLimitAsync(cancellationToken).AsTask();
        if (ev.IdempotencyKey is not { Length: > 0 } key)
        {
            var setTask = cache.GetAsync(tenantId, cancellationToken).AsTask();
            await Task.WhenAll(limited, setTask).ConfigureAwait(false);
            if (limited.Result is { } tooMany)
            {
                return tooMany;
            }

            var view = await runner.DecideAsync(tenantId, setTask.Result, ev, beacon: false, null, cancellationToken).ConfigureAwait(false);
            return JsonResponses.Create(200, view, ApiJsonContext.Default.DecisionView);
        }

        var waits = Math.Max(1, (int)(options.IdempotencyWait / Poll));
        for (var attempt = 0; attempt <= waits; attempt++)
        {
            var claimTask = repository.TryClaimAsync(tenantId, Kind, key, time.GetUtcNow() + Lease, cancellationToken).AsTask();
            var setTask = cache.GetAsync(tenantId, cancellationToken).AsTask();
            await Task.WhenAll(limited, claimTask, setTask).ConfigureAwait(false);
            if (limited.Result is { } tooMany)
            {
                if (claimTask.Result is { } unused)
                {
                    await repository.ReleaseAsync(tenantId, Kind, key, unused, CancellationToken.None).ConfigureAwait(false);
                }

                return tooMany;
            }

            if (claimTask.Result is { } claim)
            {
                return await DecideClaimedAsync(tenantId, key, claim, setTask.Result, ev, cancellationToken).ConfigureAwait(false);
            }

            var existing = await repository.GetAsync(tenantId, Kind, key, cancellationToken).ConfigureAwait(false);
            if (existing is { State: "done", Response: { } response })
            {
                return JsonResponses.Raw(existing.StatusCode, Encoding.UTF8.GetBytes(response), Replayed);
            }

            if (existing is not null)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }

        return Problems.Conflict("A request with this idempotency_key is still being decided; retry shortly.");
    }

    private async ValueTask<ApiResponse> DecideClaimedAsync(string tenantId, string key, string claim, PolicySet set, RuntimeEvent ev, CancellationToken cancellationToken)
    {
        var completed = false;
        string? json = null;
        try
        {
            await runner.DecideAsync(tenantId, set, ev, beacon: false, view =>
            {
                json = JsonSerializer.Serialize(view, ApiJsonContext.Default.DecisionView);
                return repository.CompleteAsync(tenantId, Kind, key, claim, 200, json, time.GetUtcNow() + options.IdempotencyRetention, cancellationToken).AsTask();
            }, cancellationToken).ConfigureAwait(false);
            completed = true;
            return JsonResponses.Raw(200, Encoding.UTF8.GetBytes(json!));
        }
        finally
        {
            if (!completed)
            {
                // Let a retry decide instead of waiting for the lease to run out.
                await repository.ReleaseAsync(tenantId, Kind, key, claim, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, string> Replayed => new(StringComparer.OrdinalIgnoreCase) { ["Idempotent-Replayed"] = "true" };
}
