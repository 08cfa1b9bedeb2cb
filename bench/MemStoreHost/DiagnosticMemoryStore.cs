using System.Collections.Concurrent;
using System.Globalization;
using Esper.Storage.KeyValue;

namespace Esper.Bench.MemStoreHost;

/// <summary>
/// A diagnostic <see cref="IKeyValueStore"/> held in process memory, for measuring the host without a store's cost.
/// Never shipped: nothing survives the process. It keeps the contract's visible behaviour (conditions, versions,
/// expiry, counters) with one departure that bounds its memory under load: past <see cref="MaxExpiringItems"/>
/// writes of items that expire, the oldest such items are dropped as if they had expired early.
/// </summary>
public sealed class DiagnosticMemoryStore(TimeProvider time) : IKeyValueStore
{
    /// <summary>
    /// How many writes of expiring items (decision records, entity counters, idempotency answers) are kept: few enough
    /// that the heap stays small, so the garbage collector's cost measured is the host's and not this store's.
    /// </summary>
    public const int MaxExpiringItems = 20_000;

    // Many lock stripes: the default (one per core) made concurrent writes of different items wait on each other.
    private readonly ConcurrentDictionary<ItemKey, Item> _items = new(concurrencyLevel: 256, capacity: 1 << 16);
    private readonly ConcurrentQueue<(ItemKey Key, long Version)> _expiring = new();
    private long _version;
    private long _expiringCount;

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Live(key) is { Document: { } document } item ? new StoredItem(key, document, Version(item.Version), item.ExpiresAt) : null);

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var found = _items
            .Where(e => e.Key.PartitionKey == partitionKey && e.Key.SortKey.StartsWith(sortKeyPrefix, StringComparison.Ordinal) && e.Value.Document is not null && !e.Value.ExpiredAt(now))
            .Select(e => new StoredItem(e.Key, e.Value.Document!, Version(e.Value.Version), e.Value.ExpiresAt));
        found = options?.Descending == true ? found.OrderByDescending(static i => i.Key.SortKey, StringComparer.Ordinal) : found.OrderBy(static i => i.Key.SortKey, StringComparer.Ordinal);
        IReadOnlyList<StoredItem> list = options?.Limit is { } limit ? [.. found.Take(limit)] : [.. found];
        return ValueTask.FromResult(list);
    }

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = Live(key);
            var stored = _items.TryGetValue(key, out var raw) ? raw : null;
            switch (condition.Kind)
            {
                case WriteConditionKind.IfAbsent when current is not null:
                    return ValueTask.FromResult(WriteResult.Conflict);
                case WriteConditionKind.IfVersion when current is null:
                    return ValueTask.FromResult(WriteResult.NotFound);
                case WriteConditionKind.IfVersion when Version(current.Version) != condition.Version:
                    return ValueTask.FromResult(WriteResult.Conflict);
            }

            var next = new Item(document, null, Interlocked.Increment(ref _version), expiresAt);
            if (stored is null ? _items.TryAdd(key, next) : _items.TryUpdate(key, next, stored))
            {
                Track(key, next);
                return ValueTask.FromResult(WriteResult.Written(Version(next.Version)));
            }
        }
    }

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Live(key) is not { Document: not null } current)
            {
                return ValueTask.FromResult(WriteResult.NotFound);
            }

            if (expectedVersion is not null && Version(current.Version) != expectedVersion)
            {
                return ValueTask.FromResult(WriteResult.Conflict);
            }

            if (_items.TryRemove(new KeyValuePair<ItemKey, Item>(key, current)))
            {
                return ValueTask.FromResult(WriteResult.Written(null));
            }
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        while (true)
        {
            var stored = _items.TryGetValue(key, out var raw) ? raw : null;
            var live = stored is not null && !stored.ExpiredAt(time.GetUtcNow()) ? stored : null;
            var counters = live?.Counters is { } old ? new Dictionary<string, long>(old, StringComparer.Ordinal) : new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, amount) in update.Add)
            {
                counters[name] = counters.GetValueOrDefault(name) + amount;
            }

            foreach (var (name, value) in update.Set)
            {
                counters[name] = value;
            }

            foreach (var name in update.Remove)
            {
                counters.Remove(name);
            }

            var next = new Item(null, counters, Interlocked.Increment(ref _version), update.ExpiresAt ?? live?.ExpiresAt);
            if (stored is null ? _items.TryAdd(key, next) : _items.TryUpdate(key, next, stored))
            {
                Track(key, next);
                return ValueTask.FromResult<IReadOnlyDictionary<string, long>>(counters);
            }
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, long>>(Live(key)?.Counters ?? new Dictionary<string, long>(StringComparer.Ordinal));

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            var next = new Item(item.Document, null, Interlocked.Increment(ref _version), item.ExpiresAt);
            _items[item.Key] = next;
            Track(item.Key, next);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    private Item? Live(ItemKey key) =>
        _items.TryGetValue(key, out var item) && !item.ExpiredAt(time.GetUtcNow()) ? item : null;

    /// <summary>Remembers an expiring write and drops the oldest ones past the bound (unless rewritten since).</summary>
    private void Track(ItemKey key, Item item)
    {
        if (item.ExpiresAt is null)
        {
            return;
        }

        // One in, one out past the bound.
        _expiring.Enqueue((key, item.Version));
        if (Interlocked.Increment(ref _expiringCount) <= MaxExpiringItems || !_expiring.TryDequeue(out var old))
        {
            return;
        }

        Interlocked.Decrement(ref _expiringCount);
        if (_items.TryGetValue(old.Key, out var current) && current.Version == old.Version)
        {
            _items.TryRemove(new KeyValuePair<ItemKey, Item>(old.Key, current));
        }
    }

    private static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A document item (<see cref="Document"/>) or a counter item (<see cref="Counters"/>), never both.</summary>
    private sealed record Item(string? Document, Dictionary<string, long>? Counters, long Version, DateTimeOffset? ExpiresAt)
    {
        public bool ExpiredAt(DateTimeOffset now) => ExpiresAt is { } at && at <= now;
    }
}
