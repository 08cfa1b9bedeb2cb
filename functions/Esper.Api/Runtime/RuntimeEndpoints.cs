using System.Text.Json;
using Esper.Api.Http;
using Esper.Api.Json;
using Esper.Core.Fields;
using Esper.Storage.Repositories;

namespace Esper.Api.Runtime;

/// <summary>
/// <c>POST /api/v1/runtime/mitigation</c> answers one decision; <c>POST /api/v1/beacon/event</c> takes one event or
/// an array (at most <see cref="EsperApiOptions.MaxBeaconBatch"/>), updates windows and penalties, records them and
/// answers 202 with the count. Both accept runtime and admin keys.
/// </summary>
internal sealed class RuntimeEndpoints(
    IdempotentDecisions idempotent,
    DecisionRunner runner,
    PolicySetCache cache,
    IdempotencyRepository idempotency,
    JournalRecovery recovery,
    EsperApiOptions options,
    TimeProvider time) : IApiEndpointModule
{
    private const string BeaconKind = "beacon";

    public IEnumerable<Endpoint> Endpoints =>
    [
        new("RuntimeMitigation", Access.Runtime, DecideAsync, DefersRateLimit: true),
        new("BeaconEvent", Access.Runtime, BeaconAsync, DefersRateLimit: true),
    ];

    private async ValueTask<ApiResponse> DecideAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (!JsonBody.CheckEnvelope(call.Request, options.Limits, out var problem))
        {
            return problem!;
        }

        if (EventBody.TryRead(call.Request, options.Limits, out var read, out var warnings))
        {
            return await idempotent.DecideAsync(call, read, warnings, cancellationToken).ConfigureAwait(false);
        }

        // Not a valid event within the limits: parse it as a document for the problem that names the field.
        if (!JsonBody.TryParse(call.Request, options.Limits, out var body, out problem))
        {
            return problem!;
        }

        using (body)
        {
            var ev = EventBody.Parse(body!.RootElement, "", out problem);
            return ev is null ? problem! : await idempotent.DecideAsync(call, ev, EventBody.Warnings(body.RootElement), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ApiResponse> BeaconAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (ReadBeaconEvents(call.Request, out var problem) is not { } events)
        {
            return problem!;
        }

        var tenantId = call.Key.TenantId;
        recovery.Touch(tenantId);
        var limited = call.CheckRateLimitAsync(cancellationToken).AsTask();
        var setTask = cache.GetAsync(tenantId, cancellationToken).AsTask();
        await Task.WhenAll(limited, setTask).ConfigureAwait(false);
        if (limited.Result is { } tooMany)
        {
            return tooMany;
        }

        var set = setTask.Result;
        var duplicates = 0;
        foreach (var ev in events)
        {
            if (ev.IdempotencyKey is { Length: > 0 } key)
            {
                var claim = await idempotency.TryClaimAsync(tenantId, BeaconKind, key, time.GetUtcNow() + options.IdempotencyRetention, cancellationToken).ConfigureAwait(false);
                if (claim is null)
                {
                    duplicates++;
                    continue;
                }

                try
                {
                    await runner.DecideAsync(new DecisionContext { TenantId = tenantId, PolicySet = set, Event = ev, Beacon = true }, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // The event was not recorded: free its key so the sender's retry counts it.
                    await idempotency.ReleaseAsync(tenantId, BeaconKind, key, claim, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }

                continue;
            }

            await runner.DecideAsync(new DecisionContext { TenantId = tenantId, PolicySet = set, Event = ev, Beacon = true }, cancellationToken).ConfigureAwait(false);
        }

        return JsonResponses.Create(202, new BeaconAcceptedView(events.Count, duplicates), ReadableJson.Api.BeaconAcceptedView);
    }

    /// <summary>One event read in a single pass, or a batch (and every problem) through the parsed document.</summary>
    private List<RuntimeEvent>? ReadBeaconEvents(ApiRequest request, out ApiResponse? problem)
    {
        if (!JsonBody.CheckEnvelope(request, options.Limits, out problem))
        {
            return null;
        }

        if (EventBody.TryRead(request, options.Limits, out var single, out _))
        {
            return [single];
        }

        if (!JsonBody.TryParse(request, options.Limits, out var body, out problem))
        {
            return null;
        }

        using (body)
        {
            var root = body!.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return EventBody.Parse(root, "", out problem) is { } ev ? [ev] : null;
            }

            var count = root.GetArrayLength();
            if (count == 0 || count > options.MaxBeaconBatch)
            {
                problem = Problems.Validation("$", $"a batch holds 1 to {options.MaxBeaconBatch} events; got {count}");
                return null;
            }

            List<RuntimeEvent> events = [];
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                if (EventBody.Parse(element, $"[{index++}].", out problem) is not { } ev)
                {
                    return null;
                }

                events.Add(ev);
            }

            return events;
        }
    }
}
