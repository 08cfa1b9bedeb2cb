namespace Esper.Host.Tests.Faults;

/// <summary>
/// An <see cref="IKeyValueStore"/> decorator whose every call throws <see cref="Failure"/> while it is set, and which
/// counts readiness probes: the in-process stand-in for a store outage, where a test needs a fake clock and an
/// exact count of store calls (the process-level tests take real stores away).
/// </summary>
internal sealed class OutageStore(IKeyValueStore inner) : IKeyValueStore
{
    private int _pings;

    /// <summary>What every call throws; null lets calls through.</summary>
    public Exception? Failure { get; set; }

    /// <summary>How many times <see cref="PingAsync"/> was called.</summary>
    public int Pings => Volatile.Read(ref _pings);

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<StoredItem?>(failure) : inner.GetAsync(key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<IReadOnlyList<StoredItem>>(failure) : inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken);

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<WriteResult>(failure) : inner.PutAsync(key, document, condition, expiresAt, cancellationToken);

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<WriteResult>(failure) : inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<IReadOnlyDictionary<string, long>>(failure) : inner.UpdateCountersAsync(key, update, cancellationToken);

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException<IReadOnlyDictionary<string, long>>(failure) : inner.GetCountersAsync(key, cancellationToken);

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? ValueTask.FromException(failure) : inner.BatchPutAsync(items, cancellationToken);

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _pings);
        return Failure is { } failure ? ValueTask.FromException<bool>(failure) : inner.PingAsync(cancellationToken);
    }
}
