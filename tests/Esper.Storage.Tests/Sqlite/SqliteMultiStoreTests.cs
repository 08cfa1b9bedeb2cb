using System.Globalization;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// Two store instances over one file share nothing in memory (no pool, no lock), exactly like two host
/// processes, so only SQLite's file locking keeps them consistent.
/// </summary>
public sealed class SqliteMultiStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Two_stores_over_one_file_count_every_increment_exactly()
    {
        using var first = new SqliteKeyValueStore(_database.FilePath, _clock);
        using var second = new SqliteKeyValueStore(_database.FilePath, _clock);
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
    }

    [Fact]
    public async Task Two_stores_racing_put_if_absent_have_exactly_one_winner()
    {
        using var first = new SqliteKeyValueStore(_database.FilePath, _clock);
        using var second = new SqliteKeyValueStore(_database.FilePath, _clock);
        var key = new ItemKey("t1#idempotency", "key#k1");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? first : second).PutAsync(key, $"{{\"writer\":{i}}}", WriteCondition.IfAbsent))));

        Assert.Single(results, static r => r.Succeeded);
        Assert.Equal(15, results.Count(static r => r.Status == WriteStatus.Conflict));
    }

    [Fact]
    public async Task Read_modify_write_loops_through_two_stores_lose_no_update()
    {
        using var first = new SqliteKeyValueStore(_database.FilePath, _clock);
        using var second = new SqliteKeyValueStore(_database.FilePath, _clock);
        var key = new ItemKey("t1#config", "counter-doc");
        await first.PutAsync(key, "0", WriteCondition.IfAbsent);

        var workers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? first : second;
            for (var done = 0; done < 15;)
            {
                var item = await store.GetAsync(key);
                var next = (int.Parse(item!.Document, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                if ((await store.PutAsync(key, next, WriteCondition.IfVersion(item.Version))).Succeeded)
                {
                    done++;
                }
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal("120", (await second.GetAsync(key))!.Document);
    }

    [Fact]
    public async Task Version_written_through_one_store_is_checked_by_the_other()
    {
        using var first = new SqliteKeyValueStore(_database.FilePath, _clock);
        using var second = new SqliteKeyValueStore(_database.FilePath, _clock);
        var key = new ItemKey("t1#config", "policy#p1");
        var created = await first.PutAsync(key, """{"v":1}""", WriteCondition.IfAbsent);
        var updated = await second.PutAsync(key, """{"v":2}""", WriteCondition.IfVersion(created.Version!));

        var stale = await first.PutAsync(key, """{"v":3}""", WriteCondition.IfVersion(created.Version!));

        Assert.True(updated.Succeeded);
        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal("""{"v":2}""", (await first.GetAsync(key))!.Document);
    }

    public void Dispose() => _database.Dispose();
}
