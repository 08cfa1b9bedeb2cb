using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>Another connection holding the file's write lock stands in for another process writing.</summary>
public sealed class SqliteLockingTests : IDisposable
{
    private static readonly CounterUpdate Increment = new() { Add = new Dictionary<string, long> { ["n"] = 1 } };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Write_waits_for_another_connection_holding_the_write_lock_and_then_succeeds()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, WriteBehind = false }, _clock);
        var key = new ItemKey("t1#state", "entity#e1");
        using var other = OpenOther();
        using var transaction = other.BeginTransaction(deferred: false);

        var pending = Task.Run(async () => await store.UpdateCountersAsync(key, Increment));
        await Task.Delay(200);
        transaction.Commit();

        Assert.Equal(1, (await pending)["n"]);
    }

    [Fact]
    public async Task Write_fails_with_busy_once_the_lock_is_held_past_the_busy_timeout()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, BusyTimeout = TimeSpan.FromMilliseconds(100), WriteBehind = false }, _clock);
        var key = new ItemKey("t1#state", "entity#e1");
        using var other = OpenOther();
        using var transaction = other.BeginTransaction(deferred: false);

        var error = await Assert.ThrowsAsync<SqliteException>(async () => await store.UpdateCountersAsync(key, Increment));

        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
        transaction.Rollback();
        Assert.Equal(1, (await store.UpdateCountersAsync(key, Increment))["n"]);
    }

    [Fact]
    public async Task Cancelled_write_throws_and_changes_nothing()
    {
        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        var key = new ItemKey("t1#state", "entity#e1");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await store.UpdateCountersAsync(key, Increment, new CancellationToken(canceled: true)));

        Assert.Empty(await store.GetCountersAsync(key));
    }

    private SqliteConnection OpenOther()
    {
        var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => _database.Dispose();
}
