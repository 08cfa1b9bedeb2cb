using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

public sealed class SqlitePurgeTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Purge_deletes_expired_documents_and_counter_items_and_keeps_live_ones()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, PurgeInterval = TimeSpan.Zero }, _clock);
        await SeedAsync(store);
        _clock.Advance(TimeSpan.FromMinutes(2));

        var removed = store.PurgeExpired();

        Assert.Equal(2, removed);
        Assert.Equal((1, 1), CountRows());
    }

    [Fact]
    public async Task A_write_after_the_purge_interval_deletes_expired_rows_on_its_way()
    {
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, PurgeInterval = TimeSpan.FromMinutes(1), WriteBehind = false }, _clock);
        await SeedAsync(store);
        _clock.Advance(TimeSpan.FromSeconds(90));
        var beforeWrite = CountRows();

        await store.PutAsync(new ItemKey("t1#config", "other"), "{}", WriteCondition.None);

        Assert.Equal((2, 2), beforeWrite);
        Assert.Equal((2, 1), CountRows());
    }

    private async Task SeedAsync(SqliteKeyValueStore store)
    {
        var soon = _clock.GetUtcNow().AddMinutes(1);
        await store.PutAsync(new ItemKey("t1#config", "live"), "{}", WriteCondition.None);
        await store.PutAsync(new ItemKey("t1#config", "expiring"), "{}", WriteCondition.None, soon);
        await store.UpdateCountersAsync(new ItemKey("t1#state", "live"), new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 } });
        await store.UpdateCountersAsync(new ItemKey("t1#state", "expiring"), new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 }, ExpiresAt = soon });
    }

    private (long Items, long CounterItems) CountRows()
    {
        using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM counter_items)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose() => _database.Dispose();
}
