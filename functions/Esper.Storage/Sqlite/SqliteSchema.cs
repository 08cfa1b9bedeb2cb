namespace Esper.Storage.Sqlite;

/// <summary>The tables of the store, created on open. Times are Unix milliseconds; NULL means "never expires".</summary>
internal static class SqliteSchema
{
    /// <summary>The schema's version in <c>PRAGMA user_version</c>: 2 since a counter item is one row.</summary>
    public const int Version = 2;

    // Documents keep a rowid (they can be tens of KiB, too large for a WITHOUT ROWID b-tree to stay shallow).
    // A counter item is one row, its counters a JSON object ({"name":value,...}) in a column of its own: reading it is
    // one row, writing it one upsert of the whole row, and a new item one b-tree insert however many counters it has.
    // The column comes last because the migration from version 1 adds it with ALTER TABLE.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS items (
            pk TEXT NOT NULL,
            sk TEXT NOT NULL,
            document TEXT NOT NULL,
            version TEXT NOT NULL,
            expires_at INTEGER,
            UNIQUE (pk, sk)
        );
        CREATE INDEX IF NOT EXISTS items_by_expiry ON items (expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS counter_items (
            pk TEXT NOT NULL,
            sk TEXT NOT NULL,
            expires_at INTEGER,
            counters TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (pk, sk)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS counter_items_by_expiry ON counter_items (expires_at) WHERE expires_at IS NOT NULL;
        """;

    /// <summary>
    /// Version 1 to 2: each item's counters move from their rows in <c>counters</c> (one per counter, clustered by
    /// item) into the item's own row, then the old table and the trigger that deleted its rows with their item go.
    /// </summary>
    public const string MigrateFrom1 = """
        ALTER TABLE counter_items ADD COLUMN counters TEXT NOT NULL DEFAULT '{}';
        UPDATE counter_items SET counters = (
            SELECT json_group_object(c.name, c.value) FROM counters c WHERE c.pk = counter_items.pk AND c.sk = counter_items.sk);
        DROP TRIGGER IF EXISTS counter_items_cascade;
        DROP TABLE counters;
        """;
}
