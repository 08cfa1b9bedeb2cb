using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// Checkpoints run behind writers and readers all the time: an entry moving from the in-memory layer into SQLite
/// must never make a read miss a write that was answered before it.
/// </summary>
public sealed class SqliteWriteBehindRaceTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Reads_and_queries_see_every_answered_write_while_checkpoints_run_behind()
    {
        const int Workers = 6;
        const int Rounds = 150;
        const int Checkpoints = 30;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        using var store = new SqliteKeyValueStore(
            new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.FromMilliseconds(1) },
            TimeProvider.System);

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var counter = new ItemKey("t1#state", $"w{w}");
            var increment = new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 } };
            // At least Rounds rounds, and on until enough checkpoints ran behind them (bounded, for a loaded machine).
            for (var round = 0; round < Rounds || (store.Checkpoints < Checkpoints && DateTime.UtcNow < deadline); round++)
            {
                var key = new ItemKey("t1#doc", $"w{w}#{round % 7}");
                var written = await store.PutAsync(key, $"{{\"round\":{round}}}", WriteCondition.None);
                Assert.Equal(written.Version, (await store.GetAsync(key))?.Version);

                var listed = await store.QueryAsync("t1#doc", $"w{w}#");
                Assert.Equal(written.Version, listed.Single(i => i.Key == key).Version);
                Assert.Equal(Math.Min(round + 1, 7), listed.Count);

                var total = (await store.UpdateCountersAsync(counter, increment))["n"];
                Assert.Equal(round + 1, total);
                Assert.Equal(total, (await store.GetCountersAsync(counter))["n"]);

                if (round % 5 == 4)
                {
                    Assert.True((await store.DeleteAsync(key, written.Version)).Succeeded);
                    Assert.Null(await store.GetAsync(key));
                    Assert.DoesNotContain(await store.QueryAsync("t1#doc", $"w{w}#"), i => i.Key == key);
                    Assert.True((await store.PutAsync(key, "{}", WriteCondition.IfAbsent)).Succeeded);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(store.Checkpoints >= Checkpoints, $"only {store.Checkpoints} checkpoints ran");
    }

    public void Dispose() => _database.Dispose();
}
