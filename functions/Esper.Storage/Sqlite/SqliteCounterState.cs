namespace Esper.Storage.Sqlite;

/// <summary>
/// One counter item as it stands in memory: whether its row exists, its expiry (Unix ms, null for never) and all its
/// counters. Never changed once built (an update builds the next state), so readers may hold it on any thread.
/// </summary>
internal sealed class SqliteCounterState(bool exists, long? expiresAt, Dictionary<string, long> values, bool mayHaveDropped = false, IReadOnlyCollection<string>? changed = null, bool inDatabase = false)
{
    public static SqliteCounterState Missing { get; } = new(false, null, new Dictionary<string, long>(StringComparer.Ordinal));

    public bool Exists { get; } = exists;

    public long? ExpiresAt { get; } = expiresAt;

    public Dictionary<string, long> Values { get; } = values;

    /// <summary>
    /// True when SQLite may hold counters of this item that <see cref="Values"/> no longer has (an update removed some,
    /// or the item restarted after expiring), so writing the state must also delete the others. Conservative: once
    /// set it stays set on the states built after it until SQLite holds one of them (<see cref="InDatabase"/>).
    /// </summary>
    public bool MayHaveDropped { get; } = mayHaveDropped;

    /// <summary>
    /// The counters that may differ from what SQLite holds for this item: those changed since the last state of the
    /// item a checkpoint committed. Null when unknown (a replayed or directly written state): then writing the state
    /// writes every counter. Conservative: a superset is always correct, so states built before a checkpoint commits
    /// carry the names of the states before them too.
    /// </summary>
    public IReadOnlyCollection<string>? Changed { get; } = changed;

    /// <summary>
    /// True once SQLite holds exactly this state: loaded from it, or written by a checkpoint that committed. Set by the
    /// checkpoint after its COMMIT, read by the next update under the write turn; a stale false only makes the next
    /// state's <see cref="Changed"/> larger.
    /// </summary>
    public bool InDatabase
    {
        get => Volatile.Read(ref _inDatabase);
        set => Volatile.Write(ref _inDatabase, value);
    }

    private bool _inDatabase = inDatabase;

    /// <summary>The counters a checkpoint must write for this state: all of them unless <see cref="Changed"/> narrows it.</summary>
    public IReadOnlyDictionary<string, long> ToWrite()
    {
        if (MayHaveDropped || Changed is not { } changed)
        {
            return Values;
        }

        var write = new Dictionary<string, long>(changed.Count, StringComparer.Ordinal);
        foreach (var name in changed)
        {
            if (Values.TryGetValue(name, out var value))
            {
                write[name] = value;
            }
        }

        return write;
    }

    /// <summary>True when the item exists but its expiry has passed: it reads as absent and the next update restarts it.</summary>
    public bool ExpiredAt(long nowMs) => Exists && ExpiresAt is { } at && at <= nowMs;

    /// <summary>The counters a read sees at <paramref name="nowMs"/>: none once the item has expired.</summary>
    public IReadOnlyDictionary<string, long> LiveAt(long nowMs) =>
        Exists && !ExpiredAt(nowMs) ? Values : new Dictionary<string, long>(StringComparer.Ordinal);
}
