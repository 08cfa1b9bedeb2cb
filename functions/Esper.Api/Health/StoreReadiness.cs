using Esper.Storage.KeyValue;

namespace Esper.Api.Health;

/// <summary>
/// Whether the store answers, as <c>/readyz</c> reports it, at a bounded cost: one probe (<see cref="IKeyValueStore.PingAsync"/>)
/// serves every readiness check for <see cref="EsperApiOptions.ReadinessInterval"/>, concurrent checks share the probe
/// in flight, and a store outage met by any request makes the process not ready for the same interval without
/// a probe. A load balancer polling many times a second costs the store one call per interval.
/// </summary>
internal sealed class StoreReadiness(IKeyValueStore store, EsperApiOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<bool>? _probe;
    private long _probedAt = long.MinValue;
    private long _outageAt = long.MinValue;

    /// <summary>A request met a store outage: not ready until an interval has passed and a fresh probe succeeds.</summary>
    public void ReportOutage()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _outageAt = now;
            if (_probe is { IsCompleted: true })
            {
                _probe = null;
            }
        }
    }

    /// <summary>True when the last probe (fresh enough) succeeded and no request met an outage within the interval.</summary>
    public Task<bool> IsReadyAsync()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_outageAt != long.MinValue && time.GetElapsedTime(_outageAt, now) < options.ReadinessInterval)
            {
                return Task.FromResult(false);
            }

            if (_probe is null || (_probe.IsCompleted && time.GetElapsedTime(_probedAt, now) >= options.ReadinessInterval))
            {
                _probedAt = now;
                _probe = ProbeAsync();
            }

            return _probe;
        }
    }

    private async Task<bool> ProbeAsync()
    {
        try
        {
            // The store client's own timeouts bound the probe; a caller giving up does not cancel the shared probe.
            return await store.PingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A store that throws on ping is as unreachable as one that says no.
            return false;
        }
    }
}
