using System.Globalization;
using Esper.Storage.KeyValue;

namespace Esper.Bench.InProcess.Ceiling;

/// <summary>
/// Makes the per-minute hour items (<c>MinuteBuckets</c>: results and traffic, <c>m{minute}_{name}</c> counters) look
/// late in their hour: the first time an update adds to a counter name of an item, the same name is first added for
/// <paramref name="minutes"/> other minutes of the hour, through the wrapped store's own update. A benchmark's host
/// starts empty and runs a few minutes, so without this its hour items hold a handful of counters, where a production
/// item holds ~300 by the end of its hour. Other updates and every read pass through unchanged.
/// </summary>
internal sealed class AgedHourItemsStore(IKeyValueStore inner, int minutes) : IKeyValueStore, IHoldsKeysInMemory, IDisposable
{
    private readonly Dictionary<ItemKey, HashSet<string>> _aged = [];

    public KeyReservations? Reservations => (inner as IHoldsKeysInMemory)?.Reservations;

    /// <summary>The store the aging wraps.</summary>
    public IKeyValueStore Inner => inner;

    /// <summary>How many counters the aging updates added.</summary>
    public int AddedCounters { get; private set; }

    /// <summary>How many hour items were aged.</summary>
    public int AgedItems
    {
        get
        {
            lock (_aged)
            {
                return _aged.Count;
            }
        }
    }

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken);

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        inner.PutAsync(key, document, condition, expiresAt, cancellationToken);

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        if (Aging(key, update) is { } aging)
        {
            await inner.UpdateCountersAsync(key, aging, cancellationToken).ConfigureAwait(false);
        }

        return await inner.UpdateCountersAsync(key, update, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) => inner.GetCountersAsync(key, cancellationToken);

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) => inner.BatchPutAsync(items, cancellationToken);

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public void Dispose() => (inner as IDisposable)?.Dispose();

    // The earlier minutes of the hour (wrapping) for every m{minute}_{name} this item has not been aged for yet.
    private CounterUpdate? Aging(ItemKey key, CounterUpdate update)
    {
        Dictionary<string, long>? add = null;
        lock (_aged)
        {
            foreach (var name in update.Add.Keys)
            {
                if (name.Length < 5 || name[0] != 'm' || name[3] != '_' || !int.TryParse(name.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
                {
                    continue;
                }

                if (!_aged.TryGetValue(key, out var names))
                {
                    _aged[key] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                if (!names.Add(name[4..]))
                {
                    continue;
                }

                add ??= new Dictionary<string, long>(StringComparer.Ordinal);
                for (var back = 1; back <= minutes; back++)
                {
                    add[$"m{(minute - back + 60) % 60:D2}_{name[4..]}"] = 1 + (back % 7);
                }
            }

            AddedCounters += add?.Count ?? 0;
        }

        return add is null ? null : new CounterUpdate { Add = add, ExpiresAt = update.ExpiresAt };
    }
}
