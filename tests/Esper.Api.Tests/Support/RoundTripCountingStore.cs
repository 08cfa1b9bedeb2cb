using Esper.Storage.KeyValue;

namespace Esper.Api.Tests.Support;

/// <summary>
/// Wraps a real store and measures the critical path in store round trips: a call's depth is one more than the
/// deepest call that had completed when it started, so calls started together (one parallel round) share a depth.
/// While measuring, every call takes a simulated network latency, as a cloud store does, so a sibling in the same
/// parallel round cannot finish before the others have started.
/// </summary>
internal sealed class RoundTripCountingStore(IKeyValueStore inner) : IKeyValueStore
{
    private int _maxCompletedDepth;
    private int _calls;

    /// <summary>The longest chain of sequential store calls since the last <see cref="Reset"/>.</summary>
    public int Rounds => Volatile.Read(ref _maxCompletedDepth);

    public int Calls => Volatile.Read(ref _calls);

    private TimeSpan _latency;

    /// <summary>
    /// Starts a measurement: counters to zero, simulated latency on. The latency is generous so that even a loaded
    /// machine starts every sibling of a parallel round before the first one returns.
    /// </summary>
    public void Reset()
    {
        _latency = TimeSpan.FromMilliseconds(250);
        WrittenPartitions = new();
        Volatile.Write(ref _maxCompletedDepth, 0);
        Volatile.Write(ref _calls, 0);
    }

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) => Track(() => inner.GetAsync(key, cancellationToken));

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        Track(() => inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken));

    /// <summary>The partition key of every write (put, delete, counter update, batch item) since the last <see cref="Reset"/>.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> WrittenPartitions { get; private set; } = new();

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        Written(key) ?? Track(() => inner.PutAsync(key, document, condition, expiresAt, cancellationToken));

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Written(key) ?? Track(() => inner.DeleteAsync(key, expectedVersion, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        Written<IReadOnlyDictionary<string, long>>(key) ?? Track(() => inner.UpdateCountersAsync(key, update, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        Track(() => inner.GetCountersAsync(key, cancellationToken));

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            WrittenPartitions.Enqueue(item.Key.PartitionKey);
        }

        await Track(async () => { await inner.BatchPutAsync(items, cancellationToken); return true; });
    }

    /// <summary>Notes a write's partition; always null, so the caller goes on with the real call.</summary>
    private ValueTask<WriteResult>? Written(ItemKey key) => Written<WriteResult>(key);

    private ValueTask<T>? Written<T>(ItemKey key)
    {
        WrittenPartitions.Enqueue(key.PartitionKey);
        return null;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => Track(() => inner.PingAsync(cancellationToken));

    /// <summary>When set, every call fails with this exception (a store outage).</summary>
    public Exception? FailWith { get; set; }

    private async ValueTask<T> Track<T>(Func<ValueTask<T>> call)
    {
        if (FailWith is { } failure)
        {
            throw failure;
        }

        // The depth is fixed when the call starts.
        var depth = Volatile.Read(ref _maxCompletedDepth) + 1;
        Interlocked.Increment(ref _calls);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency);
        }
        var result = await call();
        int seen;
        do
        {
            seen = Volatile.Read(ref _maxCompletedDepth);
        }
        while (depth > seen && Interlocked.CompareExchange(ref _maxCompletedDepth, depth, seen) != seen);
        return result;
    }
}
