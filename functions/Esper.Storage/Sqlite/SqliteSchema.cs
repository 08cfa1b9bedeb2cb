namespace Esper.Storage.Sqlite;

/// <summary>The tables of the store, created on open. Times are Unix milliseconds; NULL means "never expires".</summary>
internal static class SqliteSchema
{
    // Documents keep a rowid (they can be tens of KiB, too large for a WITHOUT ROWID b-tree to stay shallow);
    // counters are tiny rows clustered by (pk, sk, name) so one counter item is one contiguous range.
    // Deleting a counter item (expiry restart or purge) drops its counters through the trigger.
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
            PRIMARY KEY (pk, sk)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS counter_items_by_expiry ON counter_items (expires_at) WHERE expires_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS counters (
            pk TEXT NOT NULL,
            sk TEXT NOT NULL,
            name TEXT NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (pk, sk, name)
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS counter_items_cascade AFTER DELETE ON counter_items
        BEGIN
            DELETE FROM counters WHERE pk = old.pk AND sk = old.sk;
        END;
        PRAGMA user_version = 1;
        """;
}
