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
                // The item's whole row in one statement, whatever SQLite held for it: an item updated any number of
                // times since the last checkpoint, or replayed from the log, is written once.
                SqliteCounterWriter.Write(session, key, item.Counters!);
                break;
        }
    }
}
