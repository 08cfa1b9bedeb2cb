namespace Esper.Storage.Sqlite;

/// <summary>
/// One counter item as it stands in memory: whether its row exists, its expiry (Unix ms, null for never) and all its
/// counters. Never changed once built (an update builds the next state), so readers may hold it on any thread.
/// Writing a state into SQLite writes the item's whole row, so a state carries nothing about what it changed.
/// </summary>
/// <remarks>
/// A large item's update does not copy every counter: the next state shares the counters of the state it builds on
/// (its base, never changed) and holds the counters changed since in a small overlay of its own
/// (<see cref="SqliteCounterMath.Next"/>); when the overlay grows past an eighth of the base, the next state copies
/// both into a new base. <see cref="Values"/> builds the whole dictionary on first use (a read, a checkpoint's row,
/// a whole-state frame) and keeps it; any thread may build it, and every build gives the same counters.
/// </remarks>
internal sealed class SqliteCounterState
{
    private readonly Dictionary<string, long>? _base;
    private readonly Dictionary<string, long>? _overlay;
    private Dictionary<string, long>? _values;

    public SqliteCounterState(bool exists, long? expiresAt, Dictionary<string, long> values)
    {
        Exists = exists;
        ExpiresAt = expiresAt;
        _values = values;
        Count = values.Count;
    }

    private SqliteCounterState(long? expiresAt, Dictionary<string, long> baseValues, Dictionary<string, long> overlay, int count)
    {
        Exists = true;
        ExpiresAt = expiresAt;
        _base = baseValues;
        _overlay = overlay;
        Count = count;
    }

    public static SqliteCounterState Missing { get; } = new(false, null, new Dictionary<string, long>(StringComparer.Ordinal));

    public bool Exists { get; }

    public long? ExpiresAt { get; }

    /// <summary>How many counters the item holds.</summary>
    public int Count { get; }

    /// <summary>Every counter (built from the base and the overlay on first use, then kept). Never changed.</summary>
    public Dictionary<string, long> Values => Volatile.Read(ref _values) ?? Build();

    /// <summary>A read-only view of <see cref="Values"/> that builds them only when the caller reads it.</summary>
    public IReadOnlyDictionary<string, long> View => Volatile.Read(ref _values) is { } values ? values : new System.Collections.ObjectModel.ReadOnlyDictionary<string, long>(new SqliteCounterView(this));

    /// <summary>The shared counters and the overlay a next state builds on (no overlay once <see cref="Values"/> is built).</summary>
    public (Dictionary<string, long> Base, Dictionary<string, long>? Overlay) Parts =>
        Volatile.Read(ref _values) is { } values ? (values, null) : (_base!, _overlay);

    /// <summary>One counter's value, without building <see cref="Values"/>.</summary>
    public bool TryGetValue(string name, out long value)
    {
        var (shared, overlay) = Parts;
        return (overlay is not null && overlay.TryGetValue(name, out value)) || shared.TryGetValue(name, out value);
    }

    /// <summary>True when the item exists but its expiry has passed: it reads as absent and the next update restarts it.</summary>
    public bool ExpiredAt(long nowMs) => Exists && ExpiresAt is { } at && at <= nowMs;

    /// <summary>The counters a read sees at <paramref name="nowMs"/>: none once the item has expired.</summary>
    public IReadOnlyDictionary<string, long> LiveAt(long nowMs) =>
        Exists && !ExpiredAt(nowMs) ? Values : new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>A state sharing <paramref name="baseValues"/> with the counters changed since in <paramref name="overlay"/>.</summary>
    public static SqliteCounterState Layered(long? expiresAt, Dictionary<string, long> baseValues, Dictionary<string, long> overlay, int count) =>
        new(expiresAt, baseValues, overlay, count);

    private Dictionary<string, long> Build()
    {
        var values = new Dictionary<string, long>(_base!, StringComparer.Ordinal);
        foreach (var (name, value) in _overlay!)
        {
            values[name] = value;
        }

        // Publishes the whole dictionary (or finds another thread's, built the same way).
        return Interlocked.CompareExchange(ref _values, values, null) ?? values;
    }
}
