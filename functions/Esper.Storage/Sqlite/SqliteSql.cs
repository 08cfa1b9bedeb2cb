namespace Esper.Storage.Sqlite;

/// <summary>The text of each prepared statement. Every read filters out rows whose expiry has passed ($now).</summary>
internal static class SqliteSql
{
    private const string Live = "(expires_at IS NULL OR expires_at > $now)";

    private const string QueryBody =
        "SELECT sk, document, version, expires_at FROM items WHERE pk = $pk AND sk >= $from AND sk < $to AND " + Live;

    private const string Upsert =
        "INSERT INTO items (pk, sk, document, version, expires_at) VALUES ($pk, $sk, $document, $version, $expires_at) " +
        "ON CONFLICT (pk, sk) DO UPDATE SET document = excluded.document, version = excluded.version, expires_at = excluded.expires_at";

    public static string Text(SqliteStatement statement) => statement switch
    {
        SqliteStatement.Get => "SELECT document, version, expires_at FROM items WHERE pk = $pk AND sk = $sk AND " + Live,
        SqliteStatement.QueryAscending => QueryBody + " ORDER BY sk ASC LIMIT $limit",
        SqliteStatement.QueryDescending => QueryBody + " ORDER BY sk DESC LIMIT $limit",
        SqliteStatement.PutUpsert => Upsert,

        // The document bound as its UTF-8 bytes (a blob), stored as the text those bytes spell: the checkpoint writes
        // the write-behind layer's bytes without decoding each document into a string first.
        SqliteStatement.PutUpsertUtf8 => Upsert.Replace("$document,", "CAST($document AS TEXT),", StringComparison.Ordinal),

        // The upsert only replaces a row that has expired, so a live row makes it change nothing.
        SqliteStatement.PutIfAbsent => Upsert + " WHERE items.expires_at IS NOT NULL AND items.expires_at <= $now",
        SqliteStatement.PutIfVersion =>
            "UPDATE items SET document = $document, version = $version, expires_at = $expires_at " +
            "WHERE pk = $pk AND sk = $sk AND version = $expected AND " + Live,
        SqliteStatement.Delete =>
            "DELETE FROM items WHERE pk = $pk AND sk = $sk AND ($expected IS NULL OR version = $expected) AND " + Live,
        SqliteStatement.ReadVersion => "SELECT version FROM items WHERE pk = $pk AND sk = $sk AND " + Live,

        // A counter item is one row holding all its counters: a write replaces the row whole, a read takes one row.
        SqliteStatement.CounterItemWrite =>
            "INSERT INTO counter_items (pk, sk, expires_at, counters) VALUES ($pk, $sk, $expires_at, $counters) " +
            "ON CONFLICT (pk, sk) DO UPDATE SET expires_at = excluded.expires_at, counters = excluded.counters",
        SqliteStatement.CounterItemLoad => "SELECT expires_at, counters FROM counter_items WHERE pk = $pk AND sk = $sk",
        SqliteStatement.CounterGetLive => "SELECT counters FROM counter_items WHERE pk = $pk AND sk = $sk AND " + Live,
        SqliteStatement.PurgeItems =>
            "DELETE FROM items WHERE rowid IN (SELECT rowid FROM items WHERE expires_at <= $now LIMIT $limit)",
        SqliteStatement.PurgeCounterItems =>
            "DELETE FROM counter_items WHERE (pk, sk) IN (SELECT pk, sk FROM counter_items WHERE expires_at <= $now LIMIT $limit)",
        SqliteStatement.Ping => "SELECT 1",

        // A checkpoint writes states: the row as it is now, whatever it was before.
        SqliteStatement.DeleteAny => "DELETE FROM items WHERE pk = $pk AND sk = $sk",
        SqliteStatement.BeginImmediate => "BEGIN IMMEDIATE",
        SqliteStatement.Commit => "COMMIT",
        SqliteStatement.Rollback => "ROLLBACK",
        SqliteStatement.Savepoint => "SAVEPOINT esper_write",
        SqliteStatement.ReleaseSavepoint => "RELEASE esper_write",
        SqliteStatement.RollbackToSavepoint => "ROLLBACK TO esper_write",
        _ => throw new ArgumentOutOfRangeException(nameof(statement)),
    };
}
