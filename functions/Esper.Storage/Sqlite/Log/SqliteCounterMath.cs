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
        return new SqliteCounterState(true, expiresAt, values);
    }

    /// <summary>
    /// A logged frame's changed counters (<paramref name="changes"/>: their new values and the item's expiry) on top of
    /// <paramref name="before"/>, the item's state when that frame was written (or a later one, when a replay meets a
    /// frame SQLite already holds: the later frames bring every counter changed since back to its newest value).
    /// </summary>
    public static SqliteCounterState WithChanges(SqliteCounterState before, SqliteCounterState changes)
    {
        var values = new Dictionary<string, long>(before.Values, StringComparer.Ordinal);
        foreach (var (name, value) in changes.Values)
        {
            values[name] = value;
        }

        return new SqliteCounterState(true, changes.ExpiresAt, values);
    }

    /// <summary>
    /// The counters the item's next frame must record after <paramref name="update"/> on <paramref name="before"/>,
    /// or null when it must record the whole state: an update that removes counters, an item that is new or restarts
    /// after it expired, or one whose earlier state in the same group (<paramref name="staged"/>, which the frame
    /// replaces) was whole. Otherwise the update's names, with those of the staged state: the frame records the
    /// group's last state of the item, so it must hold every counter changed since the item's previous frame.
    /// </summary>
    public static IReadOnlyCollection<string>? Changed(SqliteCounterState before, CounterUpdate update, long now, SqliteLoggedItem? staged)
    {
        if (update.Remove.Count > 0 || !before.Exists || before.ExpiredAt(now) || staged is { Kind: not SqliteLoggedItemKind.Counters } or { Changed: null })
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith(update.Add.Keys);
        names.UnionWith(update.Set.Keys);
        if (staged?.Changed is { } earlier)
        {
            names.UnionWith(earlier);
        }

        // Recording more than half of the item gains little over recording it whole.
        return names.Count * 2 > before.Values.Count ? null : names;
    }
}
