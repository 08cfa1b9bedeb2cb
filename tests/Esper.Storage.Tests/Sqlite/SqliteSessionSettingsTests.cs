using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// The per-connection settings of the embedded store and the statements it runs through SQLite's own API: what they
/// change is cost, so the tests pin the settings and that documents read back exactly as they were written.
/// </summary>
public sealed class SqliteSessionSettingsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_connection_copies_the_WAL_into_the_file_every_8192_pages()
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath };
        using var session = SqliteSession.Open(SqliteDatabase.ConnectionString(options), options);

        Assert.Equal(8192L, Scalar(session.Connection, "PRAGMA wal_autocheckpoint"));
        Assert.Equal(64L * 1024 * 1024, Scalar(session.Connection, "PRAGMA journal_size_limit"));
    }

    [Fact]
    public async Task Checkpoints_write_through_one_kept_connection_with_a_32_MiB_page_cache()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock);
        Assert.Null(store.CheckpointConnection);

        await store.PutAsync(new ItemKey("t1#config", "a"), "{}", WriteCondition.None);
        store.Checkpoint();
        var first = store.CheckpointConnection;
        await store.PutAsync(new ItemKey("t1#config", "b"), "{}", WriteCondition.None);
        store.Checkpoint();

        Assert.NotNull(first);
        Assert.Same(first, store.CheckpointConnection);
        Assert.Equal(-32L * 1024, Scalar(first, "PRAGMA cache_size"));
    }

    [Fact]
    public void Pooled_connections_keep_SQLite_s_default_page_cache()
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath };
        using var session = SqliteSession.Open(SqliteDatabase.ConnectionString(options), options);

        Assert.Equal(-2000L, Scalar(session.Connection, "PRAGMA cache_size"));
    }

    [Theory]
    [InlineData("""{"name":"plain"}""")]
    [InlineData("""{"name":"Zoë – 東京 🚀","quote":"\"","nul":"a\u0000b"}""")]
    [InlineData("")]
    public async Task A_checkpointed_document_reads_back_as_written_with_its_version_and_expiry(string document)
    {
        var key = new ItemKey("t1#config", "policy#Zoë🚀");
        var never = new ItemKey("t1#config", "policy#never");
        var expiresAt = _clock.GetUtcNow().AddMinutes(5);
        string version;
        using (var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock))
        {
            version = (await store.PutAsync(key, document, WriteCondition.IfAbsent, expiresAt)).Version!;
            await store.PutAsync(never, document, WriteCondition.None);
            store.Checkpoint();

            // Out of the layer now: these come from SQLite through the point reads.
            var read = await store.GetAsync(key);
            Assert.Equal((document, version, expiresAt), (read?.Document, read?.Version, read?.ExpiresAt));
            Assert.Null((await store.GetAsync(never))!.ExpiresAt);
            Assert.Equal(WriteStatus.Conflict, (await store.PutAsync(key, "{}", WriteCondition.IfAbsent)).Status);
            Assert.Equal(WriteStatus.Conflict, (await store.PutAsync(key, "{}", WriteCondition.IfVersion("other"))).Status);
        }

        using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document, typeof(document), version FROM items WHERE pk = $pk AND sk = $sk";
        command.Parameters.AddWithValue("$pk", key.PartitionKey);
        command.Parameters.AddWithValue("$sk", key.SortKey);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((document, "text", version), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    [Fact]
    public async Task A_document_under_an_empty_sort_key_is_written_and_read_back_through_SQLite()
    {
        var key = new ItemKey("t1#config", "");
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock);
        var version = (await store.PutAsync(key, "{}", WriteCondition.IfAbsent)).Version;
        store.Checkpoint();

        Assert.Equal(version, (await store.GetAsync(key))?.Version);
        Assert.Equal(WriteStatus.Conflict, (await store.PutAsync(key, "{}", WriteCondition.IfAbsent)).Status);
        Assert.True((await store.DeleteAsync(key)).Succeeded);
        store.Checkpoint();
        Assert.Null(await store.GetAsync(key));
    }

    [Fact]
    public async Task An_expired_checkpointed_document_is_not_read_and_may_be_claimed_again()
    {
        var key = new ItemKey("t1#idem", "k1");
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock);
        await store.PutAsync(key, "{}", WriteCondition.IfAbsent, _clock.GetUtcNow().AddSeconds(1));
        store.Checkpoint();

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync(key));
        Assert.True((await store.PutAsync(key, "{}", WriteCondition.IfAbsent)).Succeeded);
    }

    [Fact]
    public async Task Closing_the_store_closes_its_connections_so_SQLite_removes_the_WAL()
    {
        using (var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock))
        {
            await store.PutAsync(new ItemKey("t1#config", "a"), "{}", WriteCondition.None);
            store.Checkpoint();
            Assert.NotNull(await store.GetAsync(new ItemKey("t1#config", "a")));
            Assert.True(File.Exists(_database.FilePath + "-wal"));
        }

        // The last connection to close copies the WAL into the file and deletes it; a statement left unfinalized
        // would keep its connection open (and the WAL there).
        Assert.False(File.Exists(_database.FilePath + "-wal"));
    }

    public void Dispose() => _database.Dispose();

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
