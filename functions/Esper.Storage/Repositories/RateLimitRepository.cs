using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Per-key, per-minute request counters in the store, so the limit holds across every process and function
/// instance serving the key. Each minute's item expires shortly after the minute ends.
/// </summary>
public sealed class RateLimitRepository(IKeyValueStore store)
{
    /// <summary>Counts one request of the key in the minute starting at <paramref name="minuteStart"/>; returns the minute's count.</summary>
    public async ValueTask<long> HitAsync(string tenantId, string keyId, DateTimeOffset minuteStart, CancellationToken cancellationToken = default)
    {
        var update = new CounterUpdate
        {
            Add = new Dictionary<string, long> { ["n"] = 1 },
            ExpiresAt = minuteStart.AddMinutes(2),
        };
        var counters = await store.UpdateCountersAsync(StorageKeys.RateWindow(tenantId, keyId, minuteStart.ToUnixTimeSeconds() / 60), update, cancellationToken).ConfigureAwait(false);
        return counters["n"];
    }
}
