using System.Globalization;
using Esper.Storage.KeyValue;

namespace Esper.Bench.MemStoreHost;

/// <summary>
/// A diagnostic <see cref="IKeyValueStore"/> held in process memory, for measuring the host without a store's cost.
/// Never shipped: nothing survives the process. It keeps the contract's visible behaviour (conditions, versions,
/// expiry, counters) with one departure that bounds its memory under load: past <see cref="MaxExpiringItems"/>
/// writes of items that expire, the oldest such items are dropped as if they had expired early. Items are spread
/// over <see cref="ShardCount"/> maps by key, each under its own lock, and every call is one short critical
/// section in one map (a batch: one per item), so concurrent requests rarely wait for each other here.
/// </summary>
internal sealed class DiagnosticMemoryStore(TimeProvider time) : IKeyValueStore
{
    /// <summary>
    /// How many writes of expiring items (decision records, entity counters, idempotency answers) are kept: few enough
    /// that the heap stays small, so the garbage collector's cost measured is the host's and not this store's.
    /// </summary>
    public const int MaxExpiringItems = 20_000;

    /// <summary>How many independently locked maps hold the items.</summary>
    public const int ShardCount = 64;

    private static readonly IReadOnlyDictionary<string, long> NoCounters = new Dictionary<string, long>(StringComparer.Ordinal);
    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(static _ => new Shard())];
    private long _version;

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var shard = ShardOf(key);
        lock (shard)
        {
            return ValueTask.FromResult(shard.Live(key, now) is { Document: { } document } item ? new StoredItem(key, document, Version(item.Version), item.ExpiresAt) : null);
        }
    }

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        List<StoredItem> found = [];
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                found.AddRange(shard.Items
                    .Where(e => e.Key.PartitionKey == partitionKey && e.Key.SortKey.StartsWith(sortKeyPrefix, StringComparison.Ordinal) && e.Value.Document is not null && !e.Value.ExpiredAt(now))
                    .Select(e => new StoredItem(e.Key, e.Value.Document!, Version(e.Value.Version), e.Value.ExpiresAt)));
            }
        }

        var ordered = options?.Descending == true ? found.OrderByDescending(static i => i.Key.SortKey, StringComparer.Ordinal) : found.OrderBy(static i => i.Key.SortKey, StringComparer.Ordinal);
        IReadOnlyList<StoredItem> list = options?.Limit is { } limit ? [.. ordered.Take(limit)] : [.. ordered];
        return ValueTask.FromResult(list);
    }

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var shard = ShardOf(key);
        lock (shard)
        {
            var current = shard.Live(key, now);
            switch (condition.Kind)
            {
                case WriteConditionKind.IfAbsent when current is not null:
                    return ValueTask.FromResult(WriteResult.Conflict);
                case WriteConditionKind.IfVersion when current is null:
                    return ValueTask.FromResult(WriteResult.NotFound);
                case WriteConditionKind.IfVersion when Version(current.Version) != condition.Version:
                    return ValueTask.FromResult(WriteResult.Conflict);
            }

            var next = shard.Write(key, document, null, expiresAt, Interlocked.Increment(ref _version));
            return ValueTask.FromResult(WriteResult.Written(Version(next.Version)));
        }
    }

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var shard = ShardOf(key);
        lock (shard)
        {
            if (shard.Live(key, now) is not { Document: not null } current)
            {
                return ValueTask.FromResult(WriteResult.NotFound);
            }

            if (expectedVersion is not null && Version(current.Version) != expectedVersion)
            {
                return ValueTask.FromResult(WriteResult.Conflict);
            }

            shard.Items.Remove(key);
            return ValueTask.FromResult(WriteResult.Written(null));
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        var now = time.GetUtcNow();
        var shard = ShardOf(key);
        lock (shard)
        {
            var live = shard.Live(key, now);
            var counters = live?.Counters is { } old ? new Dictionary<string, long>(old, StringComparer.Ordinal) : new Dictionary<string, long>(StringComparer.Ordinal);
            update.ApplyTo(counters);
            shard.Write(key, null, counters, update.ExpiresAt ?? live?.ExpiresAt, Interlocked.Increment(ref _version));
            return ValueTask.FromResult<IReadOnlyDictionary<string, long>>(counters);
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var shard = ShardOf(key);
        lock (shard)
        {
            return ValueTask.FromResult(shard.Live(key, now)?.Counters is { } counters ? (IReadOnlyDictionary<string, long>)counters : NoCounters);
        }
    }

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            var shard = ShardOf(item.Key);
            lock (shard)
            {
                shard.Write(item.Key, item.Document, null, item.ExpiresAt, Interlocked.Increment(ref _version));
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);

    private Shard ShardOf(ItemKey key) => _shards[(key.GetHashCode() & int.MaxValue) % ShardCount];

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

    /// <summary>One locked map of items with its own bound on expiring writes; callers hold its lock.</summary>
    private sealed class Shard
    {
        private const int MaxExpiring = MaxExpiringItems / ShardCount;
        private readonly Queue<(ItemKey Key, long Version)> _expiring = new(MaxExpiring + 1);

        public Dictionary<ItemKey, Item> Items { get; } = new(1024);

        public Item? Live(ItemKey key, DateTimeOffset now) =>
            Items.TryGetValue(key, out var item) && !item.ExpiredAt(now) ? item : null;

        /// <summary>Stores a new version of the item; past the bound, drops the oldest expiring write (unless rewritten since).</summary>
        public Item Write(ItemKey key, string? document, Dictionary<string, long>? counters, DateTimeOffset? expiresAt, long version)
        {
            var item = new Item(document, counters, version, expiresAt);
            Items[key] = item;
            if (expiresAt is null)
            {
                return item;
            }

            _expiring.Enqueue((key, version));
            if (_expiring.Count > MaxExpiring)
            {
                var old = _expiring.Dequeue();
                if (Items.TryGetValue(old.Key, out var current) && current.Version == old.Version)
                {
                    Items.Remove(old.Key);
                }
            }

            return item;
        }
    }
}
