namespace Esper.Storage.Sqlite;

/// <summary>
/// One counter item as it stands in memory: whether its row exists, its expiry (Unix ms, null for never) and all its
/// counters. Never changed once built (an update builds the next state), so readers may hold it on any thread.
/// Writing a state into SQLite writes the item's whole row, so a state carries nothing about what it changed.
/// </summary>
internal sealed class SqliteCounterState(bool exists, long? expiresAt, Dictionary<string, long> values)
{
    public static SqliteCounterState Missing { get; } = new(false, null, new Dictionary<string, long>(StringComparer.Ordinal));

    public bool Exists { get; } = exists;

    public long? ExpiresAt { get; } = expiresAt;

    public Dictionary<string, long> Values { get; } = values;

    /// <summary>True when the item exists but its expiry has passed: it reads as absent and the next update restarts it.</summary>
    public bool ExpiredAt(long nowMs) => Exists && ExpiresAt is { } at && at <= nowMs;

    /// <summary>The counters a read sees at <paramref name="nowMs"/>: none once the item has expired.</summary>
    public IReadOnlyDictionary<string, long> LiveAt(long nowMs) =>
        Exists && !ExpiredAt(nowMs) ? Values : new Dictionary<string, long>(StringComparer.Ordinal);
}
