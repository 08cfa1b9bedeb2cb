using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// Stores opened with <see cref="SqliteStoreOptions.Shared"/> share nothing in memory between transactions, exactly
/// like separate processes, so only SQLite's file locking keeps them consistent; an owning store excludes them.
/// </summary>
public sealed class SqliteSharedStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_shared_stores_over_one_file_count_every_increment_exactly()
    {
        using var first = Shared();
        using var second = Shared();
        var key = new ItemKey("t1#state", "entity#hot");
        var increment = new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 1 } };

        var workers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? first : second;
            for (var n = 0; n < 250; n++)
            {
                await store.UpdateCountersAsync(key, increment);
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(2000, (await first.GetCountersAsync(key))["hits"]);
        Assert.Equal(2000, (await second.GetCountersAsync(key))["hits"]);
        Assert.Equal(0, first.CachedCounterItems);
    }

    [Fact]
    public async Task A_counter_changed_through_one_shared_store_is_read_and_updated_through_the_other()
    {
        using var first = Shared();
        using var second = Shared();
        var key = new ItemKey("t1#config", "version");
        await first.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["v"] = 1 } });
        Assert.Equal(1, (await second.GetCountersAsync(key))["v"]);

        await first.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["v"] = 1 } });

        Assert.Equal(2, (await second.GetCountersAsync(key))["v"]);
        Assert.Equal(3, (await second.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["v"] = 1 } }))["v"]);
        Assert.Equal(3, (await first.GetCountersAsync(key))["v"]);
    }

    [Fact]
    public void An_owning_store_and_shared_stores_exclude_each_other()
    {
        using (Shared())
        {
            var owner = Assert.Throws<InvalidOperationException>(() => new SqliteKeyValueStore(_database.FilePath, _clock));
            Assert.Contains("already open in another Esper process", owner.Message, StringComparison.Ordinal);
        }

        using var owning = new SqliteKeyValueStore(_database.FilePath, _clock);
        var shared = Assert.Throws<InvalidOperationException>(Shared);
        Assert.Contains("owned by another Esper process", shared.Message, StringComparison.Ordinal);
    }

    private SqliteKeyValueStore Shared() => new(new SqliteStoreOptions { Path = _database.FilePath, Shared = true }, _clock);

    public void Dispose() => _database.Dispose();
}
