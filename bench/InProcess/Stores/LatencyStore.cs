using System.Diagnostics;
using Esper.Storage.KeyValue;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// Wraps a real store, adds a fixed latency on top of every call (a cloud store's network round trip) and records
/// each call in the current <see cref="CallTrace"/>. The delay sleeps on a timer and spins only the last stretch, so a
/// 5 ms injection costs 5 ms rather than the timer's rounding.
/// </summary>
internal sealed class LatencyStore(IKeyValueStore inner) : IKeyValueStore
{
    private TimeSpan latency;

    /// <summary>The latency added to every call from now on (zero: none).</summary>
    public TimeSpan Latency
    {
        get => latency;
        set => latency = value;
    }

    /// <summary>The wrapped store.</summary>
    public IKeyValueStore Inner => inner;

    private static readonly TimeSpan SpinStretch = TimeSpan.FromMilliseconds(1.2);

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        TraceAsync("get", () => inner.GetAsync(key, cancellationToken));

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        TraceAsync("query", () => inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken));

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        TraceAsync("put", () => inner.PutAsync(key, document, condition, expiresAt, cancellationToken));

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        TraceAsync("delete", () => inner.DeleteAsync(key, expectedVersion, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        TraceAsync("update_counters", () => inner.UpdateCountersAsync(key, update, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        TraceAsync("get_counters", () => inner.GetCountersAsync(key, cancellationToken));

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) =>
        await TraceAsync("batch_put", async () =>
        {
            await inner.BatchPutAsync(items, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    private async ValueTask<T> TraceAsync<T>(string operation, Func<ValueTask<T>> call)
    {
        var trace = CallTrace.Current;
        var start = Stopwatch.GetTimestamp();
        var result = await call().ConfigureAwait(false);
        await DelayAsync(Stopwatch.GetTimestamp()).ConfigureAwait(false);
        trace?.Add(new StoreCall(operation, start, Stopwatch.GetTimestamp()));
        return result;
    }

    private async ValueTask DelayAsync(long start)
    {
        if (latency <= TimeSpan.Zero)
        {
            return;
        }

        var due = start + (long)(latency.TotalSeconds * Stopwatch.Frequency);
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (remaining > SpinStretch)
        {
            await Task.Delay(remaining - SpinStretch).ConfigureAwait(false);
        }

        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < due)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
