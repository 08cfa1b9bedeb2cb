using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>Writes logged item states into SQLite inside an open transaction (a checkpoint's or a replay's).</summary>
internal static class SqliteLogApply
{
    public static void Apply(SqliteSession session, ItemKey key, SqliteLoggedItem item)
    {
        switch (item.Kind)
        {
            case SqliteLoggedItemKind.Document:
                session.Raw(SqliteStatement.PutUpsertUtf8)
                    .BindKey(key)
                    .Bind("$document", item.Utf8Document!)
                    .Bind("$version", item.Version!)
                    .Bind("$expires_at", item.ExpiresAt)
                    .Execute();
                break;
            case SqliteLoggedItemKind.Deleted:
                session.Raw(SqliteStatement.DeleteAny).BindKey(key).Execute();
                break;
            case SqliteLoggedItemKind.Counters:
                // Only the counters changed since SQLite last took this item are written: a busy per-minute item holds
                // hundreds of counters, and a checkpoint every 200 ms rewrote them all. A state that may have dropped
                // counters (or one replayed from the log) writes them all and deletes the rest, as before.
                var counters = item.Counters!;
                var json = CounterJson.Object(counters.ToWrite());
                session.Command(SqliteStatement.CounterItemReplace).BindKey(key).Bind("$expires_at", item.ExpiresAt).ExecuteNonQuery();
                if (json is not null)
                {
                    session.Command(SqliteStatement.CounterSet).BindKey(key).Bind("$json", json).ExecuteNonQuery();
                }

                if (counters.MayHaveDropped)
                {
                    session.Command(SqliteStatement.CounterKeepOnly).BindKey(key).Bind("$json", json).ExecuteNonQuery();
                }
                break;
        }
    }
}
