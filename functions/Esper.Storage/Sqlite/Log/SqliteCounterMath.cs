using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>A counter item's next state after an update: add, then set, then remove, then move the expiry.</summary>
internal static class SqliteCounterMath
{
    public static SqliteCounterState Next(SqliteCounterState before, CounterUpdate update, long now)
    {
        // An expired item counts as absent: it restarts from zero with no expiry unless the update gives one.
        var exists = before.Exists && !before.ExpiredAt(now);
        var values = exists
            ? new Dictionary<string, long>(before.Values, StringComparer.Ordinal)
            : new Dictionary<string, long>(StringComparer.Ordinal);
        update.ApplyTo(values);

        var expiresAt = update.ExpiresAt.ToUnixMilliseconds() ?? (exists ? before.ExpiresAt : null);
        // Once SQLite holds the state before (InDatabase), its dropped counters are gone there too.
        var dropped = (before.MayHaveDropped && !before.InDatabase) || update.Remove.Count > 0 || (before.Exists && !exists);
        return new SqliteCounterState(true, expiresAt, values, dropped, dropped ? null : Changed(before, update));
    }

    /// <summary>
    /// The counters the next state may have changed against SQLite: the update's own names when SQLite holds
    /// <paramref name="before"/> (or holds no row: a new item's counters are all the update's), else those added to
    /// what <paramref name="before"/> had not yet written.
    /// </summary>
    private static HashSet<string>? Changed(SqliteCounterState before, CounterUpdate update)
    {
        HashSet<string> changed;
        if (before.InDatabase || !before.Exists)
        {
            changed = new HashSet<string>(update.Add.Count + update.Set.Count, StringComparer.Ordinal);
        }
        else if (before.Changed is { } earlier)
        {
            changed = new HashSet<string>(earlier, StringComparer.Ordinal);
        }
        else
        {
            return null;
        }

        changed.UnionWith(update.Add.Keys);
        changed.UnionWith(update.Set.Keys);
        return changed;
    }
}
