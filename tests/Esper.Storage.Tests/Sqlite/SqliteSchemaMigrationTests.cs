using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A file written with schema version 1 (one row per counter in a <c>counters</c> table) is migrated at open to
/// version 2 (an item's counters in its own row); a version-2 file is left as it is, a newer one refused.
/// </summary>
public sealed class SqliteSchemaMigrationTests : IDisposable
{
    // The version-1 schema and the statements that wrote its counters, as the store ran them before version 2.
    private const string Version1Schema = """
        PRAGMA journal_mode = WAL;
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

    private const string Version1ItemUpsert =
        "INSERT INTO counter_items (pk, sk, expires_at) VALUES ($pk, $sk, $expires_at) " +
        "ON CONFLICT (pk, sk) DO UPDATE SET expires_at = excluded.expires_at " +
        "WHERE excluded.expires_at IS NOT NULL AND excluded.expires_at IS NOT counter_items.expires_at";

    private const string Version1CounterSet =
        "INSERT INTO counters (pk, sk, name, value) SELECT $pk, $sk, key, value FROM json_each($json) WHERE true " +
        "ON CONFLICT (pk, sk, name) DO UPDATE SET value = excluded.value";

    private static readonly ItemKey Window = new("t1#state", "entity#e1");
    private static readonly ItemKey Emptied = new("t1#state", "entity#e2");
    private static readonly ItemKey Expiring = new("t1#state", "entity#e3");
    private static readonly ItemKey Document = new("t1#config", "policy#p1");

    private static readonly Dictionary<string, long> WindowCounters = new(StringComparer.Ordinal)
    {
        ["w60"] = 7,
        ["w3600"] = -3,
        ["penalty_until"] = 1_924_992_000_000,
    };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_version_1_file_has_each_items_counters_moved_into_its_row_at_open(bool writeBehind)
    {
        WriteVersion1File();

        using (var store = Open(writeBehind))
        {
            Assert.Equal(WindowCounters, await store.GetCountersAsync(Window));
            Assert.Empty(await store.GetCountersAsync(Emptied));
            Assert.Equal("{\"v\":1}", (await store.GetAsync(Document))?.Document);
            Assert.Equal(8, (await store.UpdateCountersAsync(Window, new CounterUpdate { Add = new Dictionary<string, long> { ["w60"] = 1 } }))["w60"]);
        }

        Assert.Equal(["counter_items", "items"], SqliteCounterRowTests.Tables(_database.FilePath));
        Assert.Equal(2L, SqliteCounterRowTests.Scalar(_database.FilePath, "PRAGMA user_version"));
        Assert.Equal(new Dictionary<string, long>(WindowCounters) { ["w60"] = 8 }, LogFiles.CounterRow(_database.FilePath, Window));
        Assert.Equal(new Dictionary<string, long>(), LogFiles.CounterRow(_database.FilePath, Emptied));
        Assert.Equal((1, 3), LogFiles.Rows(_database.FilePath));
    }

    [Fact]
    public async Task A_migrated_item_keeps_its_expiry_and_is_purged_once_it_has_passed()
    {
        WriteVersion1File();

        using var store = Open(writeBehind: false);
        Assert.Equal(new Dictionary<string, long> { ["hits"] = 2 }, await store.GetCountersAsync(Expiring));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Empty(await store.GetCountersAsync(Expiring));
        Assert.Equal(1, store.PurgeExpired());
        Assert.Null(LogFiles.CounterRow(_database.FilePath, Expiring));
        Assert.Equal((1, 2), LogFiles.Rows(_database.FilePath));
    }

    [Fact]
    public async Task A_file_already_at_version_2_is_left_as_it_is()
    {
        WriteVersion1File();
        using (Open(writeBehind: false))
        {
        }

        var schema = Schema();

        // Migrating again would fail: the counters column exists and the counters table does not.
        using (var reopened = Open(writeBehind: false))
        {
            Assert.Equal(WindowCounters, await reopened.GetCountersAsync(Window));
        }

        Assert.Equal(schema, Schema());
        Assert.Contains("counters TEXT NOT NULL", schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_file_is_created_at_version_2_with_the_same_counter_items_table_as_a_migrated_one()
    {
        using (var store = Open(writeBehind: false))
        {
            await store.UpdateCountersAsync(Window, new CounterUpdate { Set = WindowCounters });
        }

        Assert.Equal(2L, SqliteCounterRowTests.Scalar(_database.FilePath, "PRAGMA user_version"));
        Assert.Equal(["pk", "sk", "expires_at", "counters"], Columns(_database.FilePath));

        using var migrated = new TempDatabase();
        WriteVersion1File(migrated.FilePath);
        using (Open(writeBehind: false, migrated.FilePath))
        {
        }

        Assert.Equal(["pk", "sk", "expires_at", "counters"], Columns(migrated.FilePath));
    }

    [Fact]
    public void A_migration_that_fails_leaves_the_file_at_version_1()
    {
        WriteVersion1File();

        // Fails the migration after it added the column and while it fills it.
        Execute(_database.FilePath, "CREATE TRIGGER fail_fill BEFORE UPDATE ON counter_items BEGIN SELECT RAISE(ABORT, 'fill failed'); END;");

        var error = Assert.Throws<SqliteException>(() => Open(writeBehind: false));
        Assert.Contains("fill failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, SqliteCounterRowTests.Scalar(_database.FilePath, "PRAGMA user_version"));
        Assert.Equal(["pk", "sk", "expires_at"], Columns(_database.FilePath));
        Assert.Equal(4L, SqliteCounterRowTests.Scalar(_database.FilePath, "SELECT count(*) FROM counters"));
        Assert.Contains("counter_items_cascade", SqliteCounterRowTests.Tables(_database.FilePath));
    }

    [Fact]
    public void A_file_with_a_newer_schema_version_is_refused()
    {
        using (Open(writeBehind: false))
        {
        }

        Execute(_database.FilePath, "PRAGMA user_version = 3");

        var error = Assert.Throws<InvalidOperationException>(() => Open(writeBehind: false));
        Assert.Contains("schema version 3", error.Message, StringComparison.Ordinal);
    }

    private void WriteVersion1File(string? path = null)
    {
        path ??= _database.FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Execute(path, Version1Schema);
        using var connection = Connect(path);
        using var transaction = connection.BeginTransaction();
        WriteVersion1Item(connection, Window, null, CounterJson.Write(WindowCounters));
        WriteVersion1Item(connection, Emptied, null, null);
        WriteVersion1Item(connection, Expiring, _clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds(), "{\"hits\":2}");
        using (var document = connection.CreateCommand())
        {
            document.CommandText = "INSERT INTO items (pk, sk, document, version, expires_at) VALUES ($pk, $sk, '{\"v\":1}', 'v1', NULL)";
            document.Parameters.AddWithValue("$pk", Document.PartitionKey);
            document.Parameters.AddWithValue("$sk", Document.SortKey);
            document.ExecuteNonQuery();
        }

        transaction.Commit();
        Assert.Equal(4L, SqliteCounterRowTests.Scalar(path, "SELECT count(*) FROM counters"));
    }

    private static void WriteVersion1Item(SqliteConnection connection, ItemKey key, long? expiresAt, string? json)
    {
        using var item = connection.CreateCommand();
        item.CommandText = Version1ItemUpsert;
        item.Parameters.AddWithValue("$pk", key.PartitionKey);
        item.Parameters.AddWithValue("$sk", key.SortKey);
        item.Parameters.AddWithValue("$expires_at", (object?)expiresAt ?? DBNull.Value);
        item.ExecuteNonQuery();
        if (json is null)
        {
            return;
        }

        using var counters = connection.CreateCommand();
        counters.CommandText = Version1CounterSet;
        counters.Parameters.AddWithValue("$pk", key.PartitionKey);
        counters.Parameters.AddWithValue("$sk", key.SortKey);
        counters.Parameters.AddWithValue("$json", json);
        counters.ExecuteNonQuery();
    }

    private string Schema()
    {
        using var connection = Connect(_database.FilePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)";
        return (string)command.ExecuteScalar()!;
    }

    private static string[] Columns(string path)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('counter_items') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }

    private static void Execute(string path, string sql)
    {
        using var connection = Connect(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private SqliteKeyValueStore Open(bool writeBehind, string? path = null) =>
        new(new SqliteStoreOptions { Path = path ?? _database.FilePath, WriteBehind = writeBehind, CheckpointInterval = TimeSpan.Zero, PurgeInterval = TimeSpan.Zero }, _clock);

    public void Dispose() => _database.Dispose();
}
