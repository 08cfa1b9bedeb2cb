using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A counter item is one row of <c>counter_items</c> holding all its counters, on every path that writes it: the
/// direct write, the checkpoint, and the replay of the log; and it reads back whole from that row after a reopen.
/// </summary>
public sealed class SqliteCounterRowTests : IDisposable
{
    private static readonly ItemKey Entity = new("t1#state", "entity#e1");

    private static readonly CounterUpdate ThreeCounters = Three(null);

    private static readonly Dictionary<string, long> Expected = new(StringComparer.Ordinal)
    {
        ["w60"] = 3,
        ["w3600"] = -2,
        ["penalty"] = long.MaxValue,
    };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string CrashDirectory => Path.Combine(_database.Directory, "crash");

    [Fact]
    public async Task A_direct_write_stores_the_item_as_one_row_and_no_counters_table_exists()
    {
        using (var store = Open(writeBehind: false))
        {
            await store.UpdateCountersAsync(Entity, Three(_clock.GetUtcNow().AddHours(1)));
            await store.UpdateCountersAsync(new ItemKey("t1#state", "entity#e2"), ThreeCounters);
            Assert.Equal((0, 2), LogFiles.Rows(_database.FilePath));
            Assert.Equal(Expected, LogFiles.CounterRow(_database.FilePath, Entity));
        }

        Assert.Equal(["counter_items", "items"], Tables(_database.FilePath));
        Assert.Equal(2L, Scalar(_database.FilePath, "PRAGMA user_version"));
        Assert.Equal(_clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(),
            Scalar(_database.FilePath, "SELECT expires_at FROM counter_items WHERE sk = 'entity#e1'"));
    }

    [Fact]
    public async Task A_counter_item_reads_back_whole_after_a_checkpoint_and_a_reopen()
    {
        using (var store = Open(writeBehind: true))
        {
            await store.UpdateCountersAsync(Entity, ThreeCounters);
            await store.UpdateCountersAsync(Entity, new CounterUpdate { Add = new Dictionary<string, long> { ["w60"] = 1 } });
            store.Checkpoint();
            Assert.Equal((0, 1), LogFiles.Rows(_database.FilePath));
            Assert.Equal(4, LogFiles.CounterRow(_database.FilePath, Entity)!["w60"]);
        }

        using var reopened = Open(writeBehind: false);
        Assert.Equal(new Dictionary<string, long>(Expected) { ["w60"] = 4 }, await reopened.GetCountersAsync(Entity));
        Assert.Equal(new Dictionary<string, long>(Expected) { ["w60"] = 5 },
            await reopened.UpdateCountersAsync(Entity, new CounterUpdate { Add = new Dictionary<string, long> { ["w60"] = 1 } }));
    }

    [Fact]
    public async Task A_counter_item_only_in_the_log_is_replayed_into_one_row()
    {
        string copy;
        using (var store = Open(writeBehind: true))
        {
            await store.UpdateCountersAsync(Entity, ThreeCounters);
            await store.UpdateCountersAsync(Entity, new CounterUpdate { Remove = ["w3600"] });
            Assert.Equal((0, 0), LogFiles.Rows(_database.FilePath));
            copy = LogFiles.CrashCopy(_database.FilePath, CrashDirectory);
        }

        var expected = new Dictionary<string, long>(Expected);
        expected.Remove("w3600");
        using (var reopened = Open(writeBehind: true, copy))
        {
            Assert.Equal(expected, await reopened.GetCountersAsync(Entity));
        }

        Assert.Equal((0, 1), LogFiles.Rows(copy));
        Assert.Equal(expected, LogFiles.CounterRow(copy, Entity));
    }

    [Fact]
    public async Task A_shared_store_reads_another_stores_counter_row_and_writes_it_whole()
    {
        var options = new SqliteStoreOptions { Path = _database.FilePath, Shared = true };
        using var first = new SqliteKeyValueStore(options, _clock);
        using var second = new SqliteKeyValueStore(options, _clock);

        await first.UpdateCountersAsync(Entity, ThreeCounters);
        await second.UpdateCountersAsync(Entity, new CounterUpdate { Add = new Dictionary<string, long> { ["w60"] = 2 } });

        var expected = new Dictionary<string, long>(Expected) { ["w60"] = 5 };
        Assert.Equal(expected, await first.GetCountersAsync(Entity));
        Assert.Equal(expected, LogFiles.CounterRow(_database.FilePath, Entity));
        Assert.Equal((0, 1), LogFiles.Rows(_database.FilePath));
    }

    [Fact]
    public async Task An_expired_item_restarts_in_its_own_row()
    {
        using var store = Open(writeBehind: false);
        await store.UpdateCountersAsync(Entity, Three(_clock.GetUtcNow().AddMinutes(1)));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var after = await store.UpdateCountersAsync(Entity, new CounterUpdate { Add = new Dictionary<string, long> { ["w60"] = 1 } });

        Assert.Equal(new Dictionary<string, long> { ["w60"] = 1 }, after);
        Assert.Equal(new Dictionary<string, long> { ["w60"] = 1 }, LogFiles.CounterRow(_database.FilePath, Entity));
        Assert.Equal(DBNull.Value, ScalarOrNull(_database.FilePath, "SELECT expires_at FROM counter_items"));
    }

    private static CounterUpdate Three(DateTimeOffset? expiresAt) => new()
    {
        Add = new Dictionary<string, long> { ["w60"] = 3, ["w3600"] = -2 },
        Set = new Dictionary<string, long> { ["penalty"] = long.MaxValue },
        ExpiresAt = expiresAt,
    };

    internal static string[] Tables(string databasePath)
    {
        using var connection = Connect(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }

    internal static long Scalar(string databasePath, string sql) => (long)ScalarOrNull(databasePath, sql)!;

    private static object? ScalarOrNull(string databasePath, string sql)
    {
        using var connection = Connect(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Connect(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private SqliteKeyValueStore Open(bool writeBehind, string? path = null) =>
        new(new SqliteStoreOptions { Path = path ?? _database.FilePath, WriteBehind = writeBehind, CheckpointInterval = TimeSpan.Zero }, _clock);

    public void Dispose() => _database.Dispose();
}
