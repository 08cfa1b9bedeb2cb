using System.Collections.Concurrent;
using System.Diagnostics;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Counter items kept in memory as the truth, which is safe because the store owns its file (<see cref="SqliteFileOwnership"/>):
/// nothing else changes the rows behind it. An item is loaded from SQLite on its first update; an update is applied
/// here and the item's row written whole as a plain upsert in the write's transaction, so no statement reads before it
/// writes. Readers see only what a COMMIT made durable: <see cref="Publish"/> runs right after the COMMIT and before
/// any caller is completed; when a transaction fails, <see cref="Discard"/> forgets every item it touched, so they are
/// loaded again from what SQLite kept. All members but <see cref="TryRead"/> run under the store's write turn.
/// </summary>
/// <remarks>
/// A shared store (<see cref="SqliteStoreOptions.Shared"/>) does not keep items: another process may change them, so an
/// item is loaded inside each write transaction (which holds the file's write lock) and forgotten when it ends.
/// </remarks>
internal sealed class SqliteCounterCache(int capacity, bool keep = true)
{
    /// <summary>Most items one trim drops (see <see cref="Trim"/>).</summary>
    internal const int MaxDropsPerTrim = 512;

    private readonly ConcurrentDictionary<ItemKey, SqliteCounterEntry> _entries = new();
    private readonly List<KeyValuePair<ItemKey, SqliteCounterEntry>> _touched = [];
    private int _count;

    /// <summary>Whether items stay in memory between transactions (false for a shared store).</summary>
    public bool Keeps => keep;

    /// <summary>
    /// Items the cache must keep (a write-behind store's items whose newest state is not in SQLite yet); null: none.
    /// Set once, before the first write.
    /// </summary>
    public Func<ItemKey, bool>? Pinned { get; set; }

    /// <summary>True when more items are cached than the capacity allows (only pinned items can keep it there).</summary>
    public bool OverCapacity => _count > capacity;

    /// <summary>Drops unpinned items when over capacity; under the write turn, with nothing touched since the last publish.</summary>
    public void TrimIfOver()
    {
        if (keep && _count > capacity)
        {
            Trim();
        }
    }

    /// <summary>For tests: how many items are cached.</summary>
    public int Count => _count;

    /// <summary>The entry of <paramref name="key"/>, loaded from the open transaction on first touch; remembered as touched.</summary>
    public SqliteCounterEntry Touch(SqliteSession session, ItemKey key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            var loading = Stopwatch.GetTimestamp();
            entry = new SqliteCounterEntry(Load(session, key));
            SqliteStoreMetrics.CounterLoad.RecordSince(loading);
            _entries[key] = entry;
            _count++;
        }

        _touched.Add(new(key, entry));
        return entry;
    }

    /// <summary>Loads (or finds) an item while no transaction is open, so what SQLite holds is committed, and publishes it.</summary>
    public SqliteCounterState LoadCommitted(SqliteSession session, ItemKey key)
    {
        var entry = Touch(session, key);
        Publish();
        return entry.Current;
    }

    /// <summary>The committed state of a cached item, from any thread; false when the item must be read from SQLite.</summary>
    public bool TryRead(ItemKey key, out SqliteCounterState state)
    {
        if (keep && _entries.TryGetValue(key, out var entry) && entry.Committed is { } committed)
        {
            state = committed;
            return true;
        }

        state = SqliteCounterState.Missing;
        return false;
    }

    /// <summary>The transaction committed: what it wrote becomes visible to readers. Then trims the cache when over capacity.</summary>
    public void Publish()
    {
        foreach (var (_, entry) in _touched)
        {
            entry.Committed = entry.Current;
        }

        _touched.Clear();
        if (!keep)
        {
            Forget();
        }
        else if (_count > capacity)
        {
            Trim();
        }
    }

    /// <summary>The transaction was rolled back: forget what it touched (SQLite still has the committed rows).</summary>
    public void Discard()
    {
        foreach (var touched in _touched)
        {
            if (_entries.TryRemove(touched))
            {
                _count--;
            }
        }

        _touched.Clear();
        if (!keep)
        {
            Forget();
        }
    }

    /// <summary>
    /// A write-behind group could not be logged: every item it touched goes back to its published state, and an item
    /// first loaded by the group is forgotten (SQLite holds it as loaded).
    /// </summary>
    public void Revert()
    {
        foreach (var (key, entry) in _touched)
        {
            if (entry.Committed is { } committed)
            {
                entry.Current = committed;
            }
            else if (_entries.TryRemove(new KeyValuePair<ItemKey, SqliteCounterEntry>(key, entry)))
            {
                _count--;
            }
        }

        _touched.Clear();
    }

    private void Forget()
    {
        _entries.Clear();
        _count = 0;
    }

    // Every entry is clean here (the transaction that touched it has committed), so any may go, but one pinned
    // (its newest state is only in a write-behind store's log); it is loaded again on its next update. A trim runs
    // under the write turn, so it drops a bounded number of items (a quarter of the bound, at most MaxDropsPerTrim):
    // dropping a quarter of 50,000 items at once held the turn, and every writer behind it, for 23 to 70 ms under load.
    // A cache that grows past its bound again is trimmed again at a later publish.
    private void Trim()
    {
        var started = Stopwatch.GetTimestamp();
        var target = capacity - Math.Min(capacity / 4, MaxDropsPerTrim);
        var pinned = Pinned;
        foreach (var entry in _entries)
        {
            if (_count <= target)
            {
                break;
            }

            if (pinned?.Invoke(entry.Key) != true && _entries.TryRemove(entry))
            {
                _count--;
            }
        }

        SqliteStoreMetrics.CounterTrim.RecordSince(started);
    }

    /// <summary>What SQLite holds for <paramref name="key"/> (expired or not), read in <paramref name="session"/>.</summary>
    internal static SqliteCounterState Load(SqliteSession session, ItemKey key)
    {
        using var reader = session.Command(SqliteStatement.CounterItemLoad).BindKey(key).ExecuteReader();
        if (!reader.Read())
        {
            return SqliteCounterState.Missing;
        }

        long? expiresAt = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        var values = CounterJson.Read(reader.GetString(1));
        return new SqliteCounterState(true, expiresAt, values);
    }
}
