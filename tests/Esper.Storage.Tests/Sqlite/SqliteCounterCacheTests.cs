using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// Counter items live in memory as the truth and their rows are written behind each update in the same commit:
/// what the file holds after a reopen must always equal what the store answered.
/// </summary>
public sealed class SqliteCounterCacheTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Counters_stay_exact_when_more_items_are_updated_than_the_cache_holds()
    {
        var keys = Enumerable.Range(0, 20).Select(static i => new ItemKey("t1#state", $"entity#{i}")).ToArray();
        using (var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, MaxCachedCounterItems = 4 }, _clock))
        {
            for (var round = 1; round <= 5; round++)
            {
                foreach (var key in keys)
                {
                    Assert.Equal(round, (await store.UpdateCountersAsync(key, Add("hits", 1)))["hits"]);
                }
            }

            Assert.InRange(store.CachedCounterItems, 1, 4);
            foreach (var key in keys)
            {
                Assert.Equal(5, (await store.GetCountersAsync(key))["hits"]);
            }
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        foreach (var key in keys)
        {
            Assert.Equal(5, (await reopened.GetCountersAsync(key))["hits"]);
        }
    }

    [Fact]
    public async Task A_trim_drops_a_bounded_number_of_items_so_it_holds_the_write_turn_briefly()
    {
        const int capacity = 4 * SqliteCounterCache.MaxDropsPerTrim + 1000;
        var keys = Enumerable.Range(0, capacity + 1).Select(static i => new ItemKey("t1#state", $"entity#{i}")).ToArray();
        using var store = new SqliteKeyValueStore(new SqliteStoreOptions { Path = _database.FilePath, MaxCachedCounterItems = capacity }, _clock);
        foreach (var key in keys)
        {
            await store.UpdateCountersAsync(key, Add("hits", 1));
        }

        // One item over the bound: one trim, down to MaxDropsPerTrim under the bound (a quarter of the bound would drop 762).
        Assert.Equal(capacity - SqliteCounterCache.MaxDropsPerTrim, store.CachedCounterItems);
        foreach (var key in keys)
        {
            Assert.Equal(1, (await store.GetCountersAsync(key))["hits"]);
        }
    }

    [Fact]
    public async Task Restarting_an_expired_item_from_memory_also_removes_its_old_counters_from_the_file()
    {
        var key = new ItemKey("t1#state", "entity#e1");
        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            await store.UpdateCountersAsync(key, new CounterUpdate
            {
                Add = new Dictionary<string, long> { ["w1"] = 5, ["w2"] = 2 },
                ExpiresAt = _clock.GetUtcNow().AddMinutes(1),
            });
            _clock.Advance(TimeSpan.FromMinutes(2));

            var restarted = await store.UpdateCountersAsync(key, Add("w1", 1));

            Assert.Equal(new Dictionary<string, long> { ["w1"] = 1 }, restarted);
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.Equal(new Dictionary<string, long> { ["w1"] = 1 }, await reopened.GetCountersAsync(key));

        // The restarted item has no expiry any more: it is still there much later.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, (await reopened.UpdateCountersAsync(key, Add("w1", 1)))["w1"]);
    }

    [Fact]
    public async Task Sets_removes_and_expiry_moves_applied_in_memory_are_what_the_file_holds()
    {
        var key = new ItemKey("t1#state", "results#shard1");
        var later = _clock.GetUtcNow().AddHours(1);
        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            await store.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["a"] = 1, ["b"] = 2, ["c"] = 3 } });
            await store.UpdateCountersAsync(key, new CounterUpdate { Set = new Dictionary<string, long> { ["b"] = 20 }, Remove = ["c"] });
            await store.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["a"] = -1 }, ExpiresAt = later });
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 0, ["b"] = 20 }, await reopened.GetCountersAsync(key));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await reopened.GetCountersAsync(key));
    }

    [Fact]
    public async Task Reading_an_item_written_before_the_store_opened_keeps_it_in_memory_with_its_committed_values()
    {
        var key = new ItemKey("t1#config", "version");
        using (var first = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            await first.UpdateCountersAsync(key, Add("v", 3));
        }

        using var store = new SqliteKeyValueStore(_database.FilePath, _clock);
        Assert.Equal(0, store.CachedCounterItems);

        Assert.Equal(3, (await store.GetCountersAsync(key))["v"]);
        Assert.Equal(1, store.CachedCounterItems);
        Assert.Empty(await store.GetCountersAsync(new ItemKey("t1#config", "missing")));
        Assert.Equal(4, (await store.UpdateCountersAsync(key, Add("v", 1)))["v"]);
        Assert.Equal(4, (await store.GetCountersAsync(key))["v"]);
    }

    private static CounterUpdate Add(string name, long amount) => new() { Add = new Dictionary<string, long> { [name] = amount } };

    public void Dispose() => _database.Dispose();
}
