using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Applies one counter update in a single write transaction. BEGIN IMMEDIATE takes the file's write lock first,
/// so concurrent updaters, in this process or another, queue on busy_timeout rather than lose increments.
/// </summary>
internal static class SqliteCounterWriter
{
    public static IReadOnlyDictionary<string, long> Apply(SqliteSession session, ItemKey key, CounterUpdate update, long now) =>
        session.InWriteTransaction((key, update, now), static (session, a) => ApplyInTransaction(session, a.key, a.update, a.now));

    private static Dictionary<string, long> ApplyInTransaction(SqliteSession session, ItemKey key, CounterUpdate update, long now)
    {
        var adds = CounterJson.Object(update.Add);
        var sets = CounterJson.Object(update.Set);
        var removes = CounterJson.Array(update.Remove);

        // An expired counter item is gone: dropping it (its counters follow through the trigger) restarts them at zero.
        session.Command(SqliteStatement.CounterItemDropExpired).BindKey(key).Bind("$now", now).ExecuteNonQuery();
        session.Command(SqliteStatement.CounterItemUpsert)
            .BindKey(key)
            .Bind("$expires_at", update.ExpiresAt.ToUnixMilliseconds())
            .ExecuteNonQuery();
        if (adds is not null)
        {
            session.Command(SqliteStatement.CounterAdd).BindKey(key).Bind("$json", adds).ExecuteNonQuery();
        }

        if (sets is not null)
        {
            session.Command(SqliteStatement.CounterSet).BindKey(key).Bind("$json", sets).ExecuteNonQuery();
        }

        if (removes is not null)
        {
            session.Command(SqliteStatement.CounterRemove).BindKey(key).Bind("$json", removes).ExecuteNonQuery();
        }

        return session.Command(SqliteStatement.CounterReadAll).BindKey(key).ReadCounters();
    }
}
