using System.Globalization;
using Esper.Storage.KeyValue;

namespace Esper.Bench.MemStoreHost;

/// <summary>
/// A diagnostic <see cref="IKeyValueStore"/> held in process memory, for measuring the host without a store's cost.
/// Never shipped: nothing survives the process. It keeps the contract's visible behaviour (conditions, versions,
/// expiry, counters) with one departure that bounds its memory under load: past <see cref="MaxExpiringItems"/>
/// writes of items that expire, the oldest such items are dropped as if they had expired early. Every call is one
/// short critical section under one lock (a striped concurrent map measured no better and its lock stripes showed in
/// profiles of single-threaded runs).
/// </summary>
public sealed class DiagnosticMemoryStore(TimeProvider time) : IKeyValueStore
{
    /// <summary>
    /// How many writes of expiring items (decision records, entity counters, idempotency answers) are kept: few enough
    /// that the heap stays small, so the garbage collector's cost measured is the host's and not this store's.
    /// </summary>
    public const int MaxExpiringItems = 20_000;

    private static readonly IReadOnlyDictionary<string, long> NoCounters = new Dictionary<string, long>(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<ItemKey, Item> _items = new(1 << 16);
    private readonly Queue<(ItemKey Key, long Version)> _expiring = new(MaxExpiringItems + 1);
    private long _version;

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return ValueTask.FromResult(Live(key, now) is { Document: { } document } item ? new StoredItem(key, document, Version(item.Version), item.ExpiresAt) : null);
        }
    }

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        List<StoredItem> found;
        lock (_gate)
        {
            found = [.. _items
                .Where(e => e.Key.PartitionKey == partitionKey && e.Key.SortKey.StartsWith(sortKeyPrefix, StringComparison.Ordinal) && e.Value.Document is not null && !e.Value.ExpiredAt(now))
                .Select(e => new StoredItem(e.Key, e.Value.Document!, Version(e.Value.Version), e.Value.ExpiresAt))];
        }

        var ordered = options?.Descending == true ? found.OrderByDescending(static i => i.Key.SortKey, StringComparer.Ordinal) : found.OrderBy(static i => i.Key.SortKey, StringComparer.Ordinal);
        IReadOnlyList<StoredItem> list = options?.Limit is { } limit ? [.. ordered.Take(limit)] : [.. ordered];
        return ValueTask.FromResult(list);
    }

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var current = Live(key, now);
            switch (condition.Kind)
            {
                case WriteConditionKind.IfAbsent when current is not null:
                    return ValueTask.FromResult(WriteResult.Conflict);
                case WriteConditionKind.IfVersion when current is null:
                    return ValueTask.FromResult(WriteResult.NotFound);
                case WriteConditionKind.IfVersion when Version(current.Version) != condition.Version:
                    return ValueTask.FromResult(WriteResult.Conflict);
            }

            var next = Write(key, document, null, expiresAt);
            return ValueTask.FromResult(WriteResult.Written(Version(next.Version)));
        }
    }

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (Live(key, now) is not { Document: not null } current)
            {
                return ValueTask.FromResult(WriteResult.NotFound);
            }

            if (expectedVersion is not null && Version(current.Version) != expectedVersion)
            {
                return ValueTask.FromResult(WriteResult.Conflict);
            }

            _items.Remove(key);
            return ValueTask.FromResult(WriteResult.Written(null));
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var live = Live(key, now);
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

            Write(key, null, counters, update.ExpiresAt ?? live?.ExpiresAt);
            return ValueTask.FromResult<IReadOnlyDictionary<string, long>>(counters);
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return ValueTask.FromResult(Live(key, now)?.Counters is { } counters ? (IReadOnlyDictionary<string, long>)counters : NoCounters);
        }
    }

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (var item in items)
            {
                Write(item.Key, item.Document, null, item.ExpiresAt);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    private Item? Live(ItemKey key, DateTimeOffset now) =>
        _items.TryGetValue(key, out var item) && !item.ExpiredAt(now) ? item : null;

    /// <summary>Stores a new version of the item; past the bound, drops the oldest expiring write (unless rewritten since).</summary>
    private Item Write(ItemKey key, string? document, Dictionary<string, long>? counters, DateTimeOffset? expiresAt)
    {
        var item = new Item(document, counters, ++_version, expiresAt);
        _items[key] = item;
        if (expiresAt is null)
        {
            return item;
        }

        _expiring.Enqueue((key, item.Version));
        if (_expiring.Count > MaxExpiringItems)
        {
            var old = _expiring.Dequeue();
            if (_items.TryGetValue(old.Key, out var current) && current.Version == old.Version)
            {
                _items.Remove(old.Key);
            }
        }

        return item;
    }

    private static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A document item (<see cref="Document"/>) or a counter item (<see cref="Counters"/>), never both.</summary>
    private sealed class Item(string? document, Dictionary<string, long>? counters, long version, DateTimeOffset? expiresAt)
    {
        public string? Document { get; } = document;

        public Dictionary<string, long>? Counters { get; } = counters;

        public long Version { get; } = version;

        public DateTimeOffset? ExpiresAt { get; } = expiresAt;

        public bool ExpiredAt(DateTimeOffset now) => ExpiresAt is { } at && at <= now;
    }
}
