using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// Writes that queue for the write turn are committed together in one transaction; a write that throws inside the
/// group is rolled back alone and only its caller sees the error.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Queued_writes_commit_as_one_group_and_a_failing_write_is_rolled_back_alone()
    {
        const int Writers = 40;
        var counterKey = new ItemKey("t1#state", "entity#grouped");
        var increment = new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 1 } };
        var poisoned = new BatchItem[]
        {
            new(new ItemKey("t1#batch", "before-null"), "{\"lost\":true}"),
            new(new ItemKey("t1#batch", "null"), null!),
        };

        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            // Hold the write turn so that every write below queues; releasing it lets one writer run them all.
            await store.WriteTurn.WaitAsync();
            var puts = new List<Task<WriteResult>>();
            var counters = new List<Task<IReadOnlyDictionary<string, long>>>();
            Task failing;
            try
            {
                for (var i = 0; i < Writers / 2; i++)
                {
                    puts.Add(store.PutAsync(new ItemKey("t1#doc", $"item#{i}"), $"{{\"n\":{i}}}", WriteCondition.None).AsTask());
                    counters.Add(store.UpdateCountersAsync(counterKey, increment).AsTask());
                }

                // The batch's second item has no document: PutChunk throws inside its (nested) transaction, after it
                // already wrote the first item.
                failing = store.BatchPutAsync(poisoned).AsTask();
                puts.Add(store.PutAsync(new ItemKey("t1#doc", "after-failure"), "{}", WriteCondition.None).AsTask());
                Assert.Equal(Writers + 2, store.QueuedWrites);
                Assert.All(puts, static t => Assert.False(t.IsCompleted));
            }
            finally
            {
                store.WriteTurn.Release();
            }

            await Assert.ThrowsAsync<ArgumentNullException>(() => failing);
            Assert.All(await Task.WhenAll(puts), static r => Assert.True(r.Succeeded));
            var totals = await Task.WhenAll(counters);
            Assert.Equal(Enumerable.Range(1, Writers / 2).Select(static n => (long)n), totals.Select(static c => c["hits"]).Order());
            Assert.Equal(1, store.GroupCommits);
            Assert.Equal(1, store.GroupRetries);
        }

        // Everything acknowledged is in the file; nothing of the failed batch is.
        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        for (var i = 0; i < Writers / 2; i++)
        {
            Assert.Equal($"{{\"n\":{i}}}", (await reopened.GetAsync(new ItemKey("t1#doc", $"item#{i}")))?.Document);
        }

        Assert.NotNull(await reopened.GetAsync(new ItemKey("t1#doc", "after-failure")));
        Assert.Equal(Writers / 2, (await reopened.GetCountersAsync(counterKey))["hits"]);
        Assert.Null(await reopened.GetAsync(new ItemKey("t1#batch", "before-null")));
    }

    [Fact]
    public async Task A_group_whose_writes_all_succeed_commits_on_its_first_attempt_and_keeps_every_write()
    {
        const int Writers = 30;
        var counterKey = new ItemKey("t1#state", "entity#clean");
        var increment = new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 2 }, Remove = ["gone"] };
        using (var store = new SqliteKeyValueStore(_database.FilePath, _clock))
        {
            await store.UpdateCountersAsync(counterKey, new CounterUpdate { Set = new Dictionary<string, long> { ["gone"] = 7 } });
            await store.WriteTurn.WaitAsync();
            var puts = new List<Task<WriteResult>>();
            var counters = new List<Task<IReadOnlyDictionary<string, long>>>();
            try
            {
                for (var i = 0; i < Writers / 3; i++)
                {
                    puts.Add(store.PutAsync(new ItemKey("t1#doc", $"clean#{i}"), $"{{\"n\":{i}}}", WriteCondition.IfAbsent).AsTask());
                    puts.Add(store.PutAsync(new ItemKey("t1#doc", $"clean#{i}"), "{\"second\":true}", WriteCondition.IfAbsent).AsTask());
                    counters.Add(store.UpdateCountersAsync(counterKey, increment).AsTask());
                }

                Assert.Equal(Writers, store.QueuedWrites);
            }
            finally
            {
                store.WriteTurn.Release();
            }

            var results = await Task.WhenAll(puts);
            Assert.Equal(Writers / 3, results.Count(static r => r.Succeeded));
            Assert.Equal(Writers / 3, results.Count(static r => r == WriteResult.Conflict));
            var totals = await Task.WhenAll(counters);
            Assert.Equal(Enumerable.Range(1, Writers / 3).Select(static n => 2L * n), totals.Select(static c => c["hits"]).Order());
            Assert.All(totals, static c => Assert.False(c.ContainsKey("gone")));
            Assert.Equal(1, store.GroupCommits);
            Assert.Equal(0, store.GroupRetries);
        }

        using var reopened = new SqliteKeyValueStore(_database.FilePath, _clock);
        for (var i = 0; i < Writers / 3; i++)
        {
            Assert.Equal($"{{\"n\":{i}}}", (await reopened.GetAsync(new ItemKey("t1#doc", $"clean#{i}")))?.Document);
        }

        Assert.Equal(2L * (Writers / 3), (await reopened.GetCountersAsync(counterKey))["hits"]);
    }

    public void Dispose() => _database.Dispose();
}
