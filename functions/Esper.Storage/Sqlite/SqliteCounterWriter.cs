using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Applies one counter update to the item's state in memory (<see cref="SqliteCounterCache"/>) and writes the item's
/// row whole, in one write transaction (or the group's). The cache holds the item's current values, so nothing is read
/// before writing: an update is one upsert, whatever it changed, and an item that expired is simply overwritten
/// (it restarts from zero). The in-memory state moves only after the statement succeeded, so a write rolled back to
/// its savepoint leaves it as it was.
/// </summary>
internal static class SqliteCounterWriter
{
    public static IReadOnlyDictionary<string, long> Apply(SqliteSession session, SqliteCounterCache cache, ItemKey key, CounterUpdate update, long now) =>
        session.InWriteTransaction((cache, key, update, now), static (session, a) => ApplyInTransaction(session, a.cache, a.key, a.update, a.now));

    /// <summary>Writes <paramref name="state"/> as the item's row, whatever the row held before.</summary>
    public static void Write(SqliteSession session, ItemKey key, SqliteCounterState state) =>
        session.Command(SqliteStatement.CounterItemWrite)
            .BindKey(key)
            .Bind("$expires_at", state.ExpiresAt)
            .Bind("$counters", CounterJson.Write(state.Values))
            .ExecuteNonQuery();

    private static Dictionary<string, long> ApplyInTransaction(SqliteSession session, SqliteCounterCache cache, ItemKey key, CounterUpdate update, long now)
    {
        var entry = cache.Touch(session, key);
        var next = SqliteCounterMath.Next(entry.Current, update, now);
        Write(session, key, next);
        entry.Current = next;
        return next.Values;
    }
}
