using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// A checkpoint writes a counter item's row whole, with every counter the store answered; whatever the order of
/// updates and checkpoints, the file ends up with exactly those counters.
/// </summary>
public sealed class SqliteCounterCheckpointTests : IDisposable
{
    private static readonly ItemKey Hour = new("t1#results#p1#0", "h#500000");

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_checkpoint_rewrites_the_whole_row_of_an_item_it_writes()
    {
        using var store = Open();
        await store.UpdateCountersAsync(Hour, Add(Enumerable.Range(0, 40).Select(static i => $"m{i:D2}_total").ToArray()));
        store.Checkpoint();

        // Behind the store's back: a counter no later update touches. The row is written whole from memory, so the
        // next checkpoint of the item puts back what the store holds.
        Tamper("m00_total", 999);
        await store.UpdateCountersAsync(Hour, Add("m01_total"));
        await store.UpdateCountersAsync(Hour, Add("m39_total", "m40_total"));
        store.Checkpoint();

        var rows = Rows();
        Assert.Equal(1, rows["m00_total"]);
        Assert.Equal(2, rows["m01_total"]);
        Assert.Equal(2, rows["m39_total"]);
        Assert.Equal(1, rows["m40_total"]);
        Assert.Equal(41, rows.Count);
        Assert.Equal((0, 1), LogFiles.Rows(_database.FilePath));
    }

    [Fact]
    public async Task An_update_that_removes_counters_leaves_them_out_of_the_row()
    {
        using var store = Open();
        await store.UpdateCountersAsync(Hour, Add("a", "b", "c"));
        store.Checkpoint();

        await store.UpdateCountersAsync(Hour, new CounterUpdate { Remove = ["b"] });
        store.Checkpoint();
        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["c"] = 1 }, Rows());

        await store.UpdateCountersAsync(Hour, new CounterUpdate { Remove = ["a", "c"] });
        store.Checkpoint();
        Assert.Empty(Rows());
        Assert.Empty(await store.GetCountersAsync(Hour));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Any_order_of_updates_and_checkpoints_leaves_the_file_with_the_answered_counters(int seed)
    {
        var random = new Random(seed);
        var model = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var store = Open())
        {
            for (var step = 0; step < 400; step++)
            {
                var name = $"n{random.Next(12)}";
                var update = random.Next(6) switch
                {
                    0 => new CounterUpdate { Set = new Dictionary<string, long> { [name] = random.Next(100) } },
                    1 => new CounterUpdate { Remove = [name] },
                    _ => new CounterUpdate { Add = new Dictionary<string, long> { [name] = random.Next(1, 5) } },
                };
                Apply(model, update);
                Assert.Equal(model, await store.UpdateCountersAsync(Hour, update));
                if (random.Next(4) == 0)
                {
                    store.Checkpoint();
                    Assert.Equal(model, Rows());
                }
            }

            store.Checkpoint();
            Assert.Equal(model, Rows());
        }

        using var reopened = Open();
        Assert.Equal(model, await reopened.GetCountersAsync(Hour));
    }

    private static CounterUpdate Add(params string[] names) =>
        new() { Add = names.ToDictionary(static n => n, static _ => 1L, StringComparer.Ordinal) };

    private static void Apply(Dictionary<string, long> model, CounterUpdate update)
    {
        foreach (var (name, amount) in update.Add)
        {
            model[name] = model.GetValueOrDefault(name) + amount;
        }

        foreach (var (name, value) in update.Set)
        {
            model[name] = value;
        }

        foreach (var name in update.Remove)
        {
            model.Remove(name);
        }
    }

    private void Tamper(string name, long value)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE counter_items SET counters = json_set(counters, '$.' || $name, $value) WHERE pk = $pk AND sk = $sk";
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$pk", Hour.PartitionKey);
        command.Parameters.AddWithValue("$sk", Hour.SortKey);
        command.Parameters.AddWithValue("$name", name);
        Assert.Equal(1, command.ExecuteNonQuery());
        Assert.Equal(value, Rows()[name]);
    }

    private Dictionary<string, long> Rows() => LogFiles.CounterRow(_database.FilePath, Hour)!;

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private SqliteKeyValueStore Open() =>
        new(new SqliteStoreOptions { Path = _database.FilePath, CheckpointInterval = TimeSpan.Zero }, _clock);

    public void Dispose() => _database.Dispose();
}
