using System.Collections;

namespace Esper.Storage.Sqlite;

/// <summary>
/// A counter item's counters as an <see cref="IDictionary{TKey, TValue}"/> that builds them only when read (wrapped
/// read-only by <see cref="SqliteCounterState.View"/>): an update's caller that ignores its answer, as the per-minute
/// counters do, never makes the store copy a large item. Its writing members throw.
/// </summary>
internal sealed class SqliteCounterView(SqliteCounterState state) : IDictionary<string, long>
{
    private IDictionary<string, long> Values => state.Values;

    public long this[string key]
    {
        get => state.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No counter '{key}'.");
        set => throw new NotSupportedException();
    }

    public ICollection<string> Keys => Values.Keys;

    ICollection<long> IDictionary<string, long>.Values => Values.Values;

    public int Count => state.Count;

    public bool IsReadOnly => true;

    public void Add(string key, long value) => throw new NotSupportedException();

    public void Add(KeyValuePair<string, long> item) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();

    public bool Contains(KeyValuePair<string, long> item) => Values.Contains(item);

    public bool ContainsKey(string key) => state.TryGetValue(key, out _);

    public void CopyTo(KeyValuePair<string, long>[] array, int arrayIndex) => Values.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator() => Values.GetEnumerator();

    public bool Remove(string key) => throw new NotSupportedException();

    public bool Remove(KeyValuePair<string, long> item) => throw new NotSupportedException();

    public bool TryGetValue(string key, out long value) => state.TryGetValue(key, out value);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
