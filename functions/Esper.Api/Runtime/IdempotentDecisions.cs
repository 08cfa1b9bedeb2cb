using System.Text;
using System.Text.Json;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// Decides once per idempotency key. The first request claims the key (put-if-absent, or a hold in memory on the
/// embedded store, see <see cref="IdempotencyRepository.TryClaimForAnswerAsync(Esper.Storage.KeyValue.ItemKey, DateTimeOffset, CancellationToken)"/>) and stores its answer;
/// concurrent and later retries (24 h) get that same answer and count nothing. A retry that finds the claim still
/// pending waits briefly for it; a claim whose request died expires after a short lease so the key is not stuck.
/// The rate-limit count, the claim and the config version check share one parallel store round before the counter
/// round (counting must wait for the claim, so duplicates never count); the answer is stored with the decision's
/// records. Decisions without a key skip the claim and run their checks beside the counter round.
/// </summary>
internal sealed class IdempotentDecisions(IdempotencyRepository repository, DecisionRunner runner, PolicySetCache cache, JournalRecovery recovery, ClaimSignals signals, EsperApiOptions options, TimeProvider time)
{
    internal const string Kind = "runtime";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public async ValueTask<ApiResponse> DecideAsync(ApiCall call, RuntimeEvent ev, IReadOnlyList<string>? warnings, CancellationToken cancellationToken)
    {
        var tenantId = call.Key.TenantId;
        recovery.Touch(tenantId);
        var limited = call.CheckRateLimitAsync(cancellationToken).AsTask();
        if (ev.IdempotencyKey is not { Length: > 0 } key)
        {
            return await DecideOnceAsync(tenantId, limited, ev, warnings, cancellationToken).ConfigureAwait(false);
        }

        // Hashed once for the claim, the completion and any read or release.
        var itemKey = IdempotencyRepository.KeyOf(tenantId, Kind, key);
        var waits = Math.Max(1, (int)(options.IdempotencyWait / Poll));
        var waiting = signals.Wait(tenantId, key);
        try
        {
            for (var attempt = 0; attempt <= waits; attempt++)
            {
                if (waiting.Settled.IsCompleted)
                {
                    // Registered again before the claim is read, so the next settle is not missed either.
                    waiting.Dispose();
                    waiting = signals.Wait(tenantId, key);
                }

                var claimTask = repository.TryClaimForAnswerAsync(itemKey, time.GetUtcNow() + Lease, cancellationToken).AsTask();
                var setTask = cache.GetAsync(tenantId, cancellationToken).AsTask();
                await Task.WhenAll(limited, claimTask, setTask).ConfigureAwait(false);
                if (limited.Result is { } tooMany)
                {
                    if (claimTask.Result is { } unused)
                    {
                        await repository.ReleaseAsync(itemKey, unused, CancellationToken.None).ConfigureAwait(false);
                        signals.Settle(tenantId, key);
                    }

                    return tooMany;
                }

                if (claimTask.Result is { } claim)
                {
                    return await DecideClaimedAsync(tenantId, key, itemKey, claim, setTask.Result, ev, warnings, cancellationToken).ConfigureAwait(false);
                }

                var existing = await repository.GetAsync(itemKey, cancellationToken).ConfigureAwait(false);
                if (existing is { State: "done", Response: { } response })
                {
                    return JsonResponses.Raw(existing.StatusCode, Encoding.UTF8.GetBytes(response), Replayed);
                }

                if (existing is not null)
                {
                    // Woken when this process settles the claim; a claim held by another process is polled for on the injected clock.
                    await Task.WhenAny(waiting.Settled, Task.Delay(Poll, time, cancellationToken)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            waiting.Dispose();
        }

        return Problems.Conflict("A request with this idempotency_key is still being decided; retry shortly.");
    }

    /// <summary>
    /// A decision without an idempotency key. With the config cached, the rate-limit count and the config version
    /// read run in the same parallel round as the counter updates; a refused or stale decision has its updates
    /// undone (a concurrent decision on the same entity key may briefly see the extra count).
    /// </summary>
    private async ValueTask<ApiResponse> DecideOnceAsync(string tenantId, Task<ApiResponse?> limited, RuntimeEvent ev, IReadOnlyList<string>? warnings, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            PolicySet set;
            Task<bool>? stillCurrent = null;
            if (attempt > 0 || !cache.TryGetCached(tenantId, out set, out stillCurrent))
            {
                var loading = cache.GetAsync(tenantId, cancellationToken).AsTask();
                await Task.WhenAll(limited, loading).ConfigureAwait(false);
                set = loading.Result;
            }

            var admission = limited.IsCompletedSuccessfully && stillCurrent is null
                ? limited.Result is { } refusal ? Task.FromResult(new Admission(refusal, false)) : null
                : AdmitAsync(limited, stillCurrent);
            if (admission is { IsCompletedSuccessfully: true, Result.Refusal: { } early })
            {
                return early;
            }

            if (admission is { IsCompletedSuccessfully: true, Result.Stale: true })
            {
                // Known stale before counting anything: load the new config first.
                limited = Task.FromResult<ApiResponse?>(null);
                continue;
            }

            var decided = await runner.DecideAsync(new DecisionContext { TenantId = tenantId, PolicySet = set, Event = ev, Admission = admission }, cancellationToken).ConfigureAwait(false);
            if (decided.View is { } view)
            {
                return JsonResponses.Create(200, WithWarnings(view, warnings), ReadableJson.Api.DecisionView);
            }

            if (decided.Admission.Refusal is { } refused)
            {
                return refused;
            }

            // The config changed under the cached set: decide again on the new one (the rate limit is already counted).
            limited = Task.FromResult<ApiResponse?>(null);
        }
    }

    private static async Task<Admission> AdmitAsync(Task<ApiResponse?> limited, Task<bool>? stillCurrent)
    {
        if (await limited.ConfigureAwait(false) is { } refusal)
        {
            return new Admission(refusal, false);
        }

        return stillCurrent is null || await stillCurrent.ConfigureAwait(false) ? Admission.Granted : new Admission(null, true);
    }

    private async ValueTask<ApiResponse> DecideClaimedAsync(string tenantId, string key, ItemKey itemKey, string claim, PolicySet set, RuntimeEvent ev, IReadOnlyList<string>? warnings, CancellationToken cancellationToken)
    {
        var completed = false;
        byte[]? json = null;
        try
        {
            var context = new DecisionContext
            {
                TenantId = tenantId,
                PolicySet = set,
                Event = ev,
                AlsoWrite = async view =>
                {
                    // Serialised once: these bytes are the answer, and the stored item keeps them as they are.
                    json = JsonSerializer.SerializeToUtf8Bytes(WithWarnings(view, warnings), ReadableJson.Api.DecisionView);

                    // The answer is stored whatever happens to this request once it is decided; then retries waiting here may read it.
                    await repository.CompleteAsync(itemKey, claim, 200, json, time.GetUtcNow() + options.IdempotencyRetention, CancellationToken.None).ConfigureAwait(false);
                    signals.Settle(tenantId, key);
                },
            };
            await runner.DecideAsync(context, cancellationToken).ConfigureAwait(false);
            completed = true;
            return JsonResponses.Raw(200, json!);
        }
        finally
        {
            if (!completed)
            {
                // Let a retry decide instead of waiting for the lease to run out.
                await repository.ReleaseAsync(itemKey, claim, CancellationToken.None).ConfigureAwait(false);
                signals.Settle(tenantId, key);
            }
        }
    }

    /// <summary>The body's warnings come before the decision's own (a challenge that could not start).</summary>
    private static DecisionView WithWarnings(DecisionView view, IReadOnlyList<string>? warnings) =>
        warnings is not { Count: > 0 } ? view : view with { Warnings = [.. warnings, .. view.Warnings ?? []] };

    private static Dictionary<string, string> Replayed => new(StringComparer.OrdinalIgnoreCase) { ["Idempotent-Replayed"] = "true" };
}
