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
        SqliteStatement.CounterItemDelete => "DELETE FROM counter_items WHERE pk = $pk AND sk = $sk",

        // Leaves an existing item alone unless its expiry really moves: no row or index page to rewrite.
        SqliteStatement.CounterItemUpsert =>
            "INSERT INTO counter_items (pk, sk, expires_at) VALUES ($pk, $sk, $expires_at) " +
            "ON CONFLICT (pk, sk) DO UPDATE SET expires_at = excluded.expires_at " +
            "WHERE excluded.expires_at IS NOT NULL AND excluded.expires_at IS NOT counter_items.expires_at",

        // The item and all its counters in one read (one row with a NULL name when it has none; no row when missing).
        SqliteStatement.CounterItemLoad =>
            "SELECT i.expires_at, c.name, c.value FROM counter_items i LEFT JOIN counters c ON c.pk = i.pk AND c.sk = i.sk " +
            "WHERE i.pk = $pk AND i.sk = $sk",
        SqliteStatement.CounterPut =>
            "INSERT INTO counters (pk, sk, name, value) VALUES ($pk, $sk, $name, $value) " +
            "ON CONFLICT (pk, sk, name) DO UPDATE SET value = excluded.value",

        // "WHERE true" resolves the parsing ambiguity between an upsert and a join in INSERT ... SELECT.
        SqliteStatement.CounterSet =>
            "INSERT INTO counters (pk, sk, name, value) SELECT $pk, $sk, key, value FROM json_each($json) WHERE true " +
            "ON CONFLICT (pk, sk, name) DO UPDATE SET value = excluded.value",
        SqliteStatement.CounterRemove =>
            "DELETE FROM counters WHERE pk = $pk AND sk = $sk AND name IN (SELECT value FROM json_each($json))",
        SqliteStatement.CounterGetLive =>
            "SELECT c.name, c.value FROM counter_items i JOIN counters c ON c.pk = i.pk AND c.sk = i.sk " +
            "WHERE i.pk = $pk AND i.sk = $sk AND (i.expires_at IS NULL OR i.expires_at > $now)",
        SqliteStatement.PurgeItems =>
            "DELETE FROM items WHERE rowid IN (SELECT rowid FROM items WHERE expires_at <= $now LIMIT $limit)",
        SqliteStatement.PurgeCounterItems =>
            "DELETE FROM counter_items WHERE (pk, sk) IN (SELECT pk, sk FROM counter_items WHERE expires_at <= $now LIMIT $limit)",
        SqliteStatement.Ping => "SELECT 1",

        // A checkpoint writes states: the row as it is now, whatever it was before.
        SqliteStatement.DeleteAny => "DELETE FROM items WHERE pk = $pk AND sk = $sk",
        SqliteStatement.CounterItemReplace =>
            "INSERT INTO counter_items (pk, sk, expires_at) VALUES ($pk, $sk, $expires_at) " +
            "ON CONFLICT (pk, sk) DO UPDATE SET expires_at = excluded.expires_at WHERE excluded.expires_at IS NOT counter_items.expires_at",
        SqliteStatement.CounterKeepOnly =>
            "DELETE FROM counters WHERE pk = $pk AND sk = $sk AND name NOT IN (SELECT key FROM json_each(coalesce($json, '{}')))",
        SqliteStatement.BeginImmediate => "BEGIN IMMEDIATE",
        SqliteStatement.Commit => "COMMIT",
        SqliteStatement.Rollback => "ROLLBACK",
        SqliteStatement.Savepoint => "SAVEPOINT esper_write",
        SqliteStatement.ReleaseSavepoint => "RELEASE esper_write",
        SqliteStatement.RollbackToSavepoint => "ROLLBACK TO esper_write",
        _ => throw new ArgumentOutOfRangeException(nameof(statement)),
    };
}
