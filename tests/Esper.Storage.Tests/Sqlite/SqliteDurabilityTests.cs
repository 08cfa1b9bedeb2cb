using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Documents_counters_and_expiries_survive_closing_and_reopening_the_file()
    {
        var doc = new ItemKey("t1#config", "policy#p1");
        var counters = new ItemKey("t1#state", "entity#e1");
        string version;
        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            version = (await store.PutAsync(doc, """{"name":"p1"}""", WriteCondition.IfAbsent, _clock.GetUtcNow().AddHours(1))).Version!;
            await store.UpdateCountersAsync(counters, new CounterUpdate { Add = new Dictionary<string, long> { ["w1"] = 3 } });
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        var item = await reopened.GetAsync(doc);

        Assert.Equal("""{"name":"p1"}""", item!.Document);
        Assert.Equal(version, item.Version);
        Assert.Equal(_clock.GetUtcNow().AddHours(1), item.ExpiresAt);
        Assert.Equal(3, (await reopened.GetCountersAsync(counters))["w1"]);
    }

    [Fact]
    public void Database_file_is_in_WAL_mode_after_open()
    {
        using (new SqliteKeyValueStore(_database.FilePath, _clock))
        {
        }

        using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Theory]
    [InlineData(SqliteSynchronousMode.Full, 2L)]
    [InlineData(SqliteSynchronousMode.Normal, 1L)]
    public void Every_connection_uses_the_configured_synchronous_mode(SqliteSynchronousMode mode, long pragmaValue)
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath, Synchronous = mode };
        using var session = SqliteSession.Open(SqliteDatabase.ConnectionString(options), options);
        using var command = session.Connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(pragmaValue, command.ExecuteScalar());
    }

    [Fact]
    public async Task Missing_directories_of_the_database_path_are_created()
    {
        var path = Path.Combine(_database.Directory, "nested", "deeper", "esper.db");

        using var store = new SqliteKeyValueStore(path, _clock);
        await store.PutAsync(new ItemKey("t1", "a"), "{}", WriteCondition.None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Store_opened_from_a_connection_string_uses_that_file()
    {
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={_database.FilePath}" };
        using (var store = new SqliteKeyValueStore(options, _clock))
        {
            await store.PutAsync(new ItemKey("t1", "a"), "{}", WriteCondition.None);
        }

        using var byPath = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.NotNull(await byPath.GetAsync(new ItemKey("t1", "a")));
    }

    public void Dispose() => _database.Dispose();
}
