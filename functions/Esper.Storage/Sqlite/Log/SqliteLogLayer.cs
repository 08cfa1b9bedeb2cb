using System.Collections.Concurrent;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The newest state of every item written to the log and not yet checkpointed into SQLite. Readers look here first.
/// An entry is added only after its frame is in the log, and removed only after a checkpoint's COMMIT holds it (and
/// only when no newer write replaced it), so a reader that misses it here finds it in SQLite.
/// </summary>
internal sealed class SqliteLogLayer
{
    private readonly ConcurrentDictionary<ItemKey, SqliteLoggedItem> _items = new();
    private int _count;

    /// <summary>How many items the layer holds.</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(ItemKey key, out SqliteLoggedItem item) => _items.TryGetValue(key, out item!);

    public bool Contains(ItemKey key) => _items.ContainsKey(key);

    /// <summary>Makes <paramref name="item"/> the newest state of <paramref name="key"/> (its frame is already in the log).</summary>
    public void Set(ItemKey key, SqliteLoggedItem item)
    {
        while (true)
        {
            if (_items.TryAdd(key, item))
            {
                Interlocked.Increment(ref _count);
                return;
            }

            if (_items.TryGetValue(key, out var current) && _items.TryUpdate(key, item, current))
            {
                return;
            }
        }
    }

    /// <summary>Every entry as it stands now.</summary>
    public KeyValuePair<ItemKey, SqliteLoggedItem>[] Snapshot() => _items.ToArray();

    /// <summary>Removes the entries of <paramref name="written"/> that no newer write replaced since (SQLite now holds them).</summary>
    public void RemoveWritten(KeyValuePair<ItemKey, SqliteLoggedItem>[] written)
    {
        foreach (var entry in written)
        {
            if (_items.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>The entries of partition <paramref name="partitionKey"/> whose sort key starts with <paramref name="prefix"/>.</summary>
    public List<KeyValuePair<ItemKey, SqliteLoggedItem>> InRange(string partitionKey, string prefix)
    {
        var found = new List<KeyValuePair<ItemKey, SqliteLoggedItem>>();
        if (Count == 0)
        {
            return found;
        }

        foreach (var entry in _items)
        {
            if (entry.Key.PartitionKey == partitionKey && entry.Key.SortKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                found.Add(entry);
            }
        }

        return found;
    }
}
