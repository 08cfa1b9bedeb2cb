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
}
