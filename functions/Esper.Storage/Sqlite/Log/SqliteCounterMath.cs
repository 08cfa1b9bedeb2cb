using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>A counter item's next state after an update: add, then set, then remove, then move the expiry.</summary>
internal static class SqliteCounterMath
{
    /// <summary>Items with fewer counters are copied whole on every update (cheap); larger ones get an overlay.</summary>
    internal const int LayeredFrom = 32;

    public static SqliteCounterState Next(SqliteCounterState before, CounterUpdate update, long now)
    {
        // An expired item counts as absent: it restarts from zero with no expiry unless the update gives one.
        var exists = before.Exists && !before.ExpiredAt(now);
        var expiresAt = update.ExpiresAt.ToUnixMilliseconds() ?? (exists ? before.ExpiresAt : null);
        if (exists && update.Remove.Count == 0 && before.Count >= LayeredFrom)
        {
            return Layered(before, update, expiresAt);
        }

        var values = exists
            ? new Dictionary<string, long>(before.Values, StringComparer.Ordinal)
            : new Dictionary<string, long>(StringComparer.Ordinal);
        update.ApplyTo(values);
        return new SqliteCounterState(true, expiresAt, values);
    }

    // The before state's shared counters, and its overlay copied with the update applied (add, then set): a copy of
    // the counters changed since the base instead of all of them. An overlay past an eighth of the base is folded
    // into a new base, so a copy costs at most an eighth of the item, and a full copy comes once per many updates.
    private static SqliteCounterState Layered(SqliteCounterState before, CounterUpdate update, long? expiresAt)
    {
        var (shared, earlier) = before.Parts;
        var overlay = earlier is null
            ? new Dictionary<string, long>(update.Add.Count + update.Set.Count, StringComparer.Ordinal)
            : new Dictionary<string, long>(earlier, StringComparer.Ordinal);
        var count = before.Count;
        foreach (var (name, amount) in update.Add)
        {
            if (overlay.TryGetValue(name, out var value) || shared.TryGetValue(name, out value))
            {
                overlay[name] = value + amount;
            }
            else
            {
                overlay[name] = amount;
                count++;
            }
        }

        foreach (var (name, value) in update.Set)
        {
            if (!overlay.ContainsKey(name) && !shared.ContainsKey(name))
            {
                count++;
            }

            overlay[name] = value;
        }

        if (overlay.Count * 8 <= shared.Count)
        {
            return SqliteCounterState.Layered(expiresAt, shared, overlay, count);
        }

        var values = new Dictionary<string, long>(shared, StringComparer.Ordinal);
        foreach (var (name, value) in overlay)
        {
            values[name] = value;
        }

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

        if (staged is null && update.Set.Count == 0 && update.Add.Keys is IReadOnlyCollection<string> added)
        {
            // The common update (adds only, the item's first in the group): its own names, nothing allocated.
            return added.Count * 2 > before.Count ? null : added;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith(update.Add.Keys);
        names.UnionWith(update.Set.Keys);
        if (staged?.Changed is { } earlier)
        {
            names.UnionWith(earlier);
        }

        // Recording more than half of the item gains little over recording it whole.
        return names.Count * 2 > before.Count ? null : names;
    }
}
