using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Applies one counter update to the item's state in memory (<see cref="SqliteCounterCache"/>) and writes the rows it
/// changed, in one write transaction (or the group's). The cache holds the item's current values, so nothing is read
/// before writing: the hot case (an existing, live item) is one upsert per changed counter. The in-memory state moves
/// only after every statement succeeded, so a write rolled back to its savepoint leaves it as it was.
/// </summary>
internal static class SqliteCounterWriter
{
    // Up to this many changed counters are written one prepared upsert each; more go in one json_each statement.
    private const int SingleRowWrites = 2;

    public static IReadOnlyDictionary<string, long> Apply(SqliteSession session, SqliteCounterCache cache, ItemKey key, CounterUpdate update, long now) =>
        session.InWriteTransaction((cache, key, update, now), static (session, a) => ApplyInTransaction(session, a.cache, a.key, a.update, a.now));

    private static Dictionary<string, long> ApplyInTransaction(SqliteSession session, SqliteCounterCache cache, ItemKey key, CounterUpdate update, long now)
    {
        var entry = cache.Touch(session, key);
        var before = entry.Current;

        // An expired counter item is gone: dropping it (its counters follow through the trigger) restarts them at zero.
        var restart = before.ExpiredAt(now);
        if (restart)
        {
            session.Command(SqliteStatement.CounterItemDelete).BindKey(key).ExecuteNonQuery();
        }

        var exists = before.Exists && !restart;
        var expiresAt = exists ? before.ExpiresAt : null;
        var newExpiry = update.ExpiresAt.ToUnixMilliseconds();
        if (!exists || (newExpiry is not null && newExpiry != expiresAt))
        {
            session.Command(SqliteStatement.CounterItemUpsert).BindKey(key).Bind("$expires_at", newExpiry).ExecuteNonQuery();
            expiresAt = newExpiry ?? expiresAt;
        }

        var values = exists
            ? new Dictionary<string, long>(before.Values, StringComparer.Ordinal)
            : new Dictionary<string, long>(StringComparer.Ordinal);
        // Removed counters are never also added or set (CounterUpdate.Validate), so removing them here first changes
        // nothing that WriteChanged writes.
        update.ApplyTo(values);
        WriteChanged(session, key, update, values);
        if (update.Remove.Count > 0)
        {
            session.Command(SqliteStatement.CounterRemove).BindKey(key).Bind("$json", CounterJson.Array(update.Remove)).ExecuteNonQuery();
        }

        entry.Current = new SqliteCounterState(true, expiresAt, values);
        return values;
    }

    // Writes the new value of every counter the update added to or set: plain upserts of known values, no reads.
    private static void WriteChanged(SqliteSession session, ItemKey key, CounterUpdate update, Dictionary<string, long> values)
    {
        var changed = update.Add.Count + update.Set.Count;
        if (changed == 0)
        {
            return;
        }

        if (changed <= SingleRowWrites)
        {
            var command = session.Command(SqliteStatement.CounterPut).BindKey(key);
            foreach (var name in update.Add.Keys)
            {
                command.Bind("$name", name).Bind("$value", values[name]).ExecuteNonQuery();
            }

            foreach (var name in update.Set.Keys)
            {
                if (!update.Add.ContainsKey(name))
                {
                    command.Bind("$name", name).Bind("$value", values[name]).ExecuteNonQuery();
                }
            }

            return;
        }

        var rows = new Dictionary<string, long>(changed, StringComparer.Ordinal);
        foreach (var name in update.Add.Keys)
        {
            rows[name] = values[name];
        }

        foreach (var name in update.Set.Keys)
        {
            rows[name] = values[name];
        }

        session.Command(SqliteStatement.CounterSet).BindKey(key).Bind("$json", CounterJson.Object(rows)).ExecuteNonQuery();
    }
}
