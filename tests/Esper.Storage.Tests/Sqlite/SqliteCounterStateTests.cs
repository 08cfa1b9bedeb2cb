using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>
/// An update of a large counter item shares the counters of the state before it and copies only those changed since;
/// every state still reads as the whole item, from any thread, and never changes once built.
/// </summary>
public sealed class SqliteCounterStateTests
{
    [Fact]
    public void An_update_of_a_large_item_shares_the_counters_of_the_state_before_it()
    {
        var before = State(300);

        var next = SqliteCounterMath.Next(before, Add("c7", "new"), 0);

        Assert.Same(before.Values, next.Parts.Base);
        Assert.Equal(new Dictionary<string, long> { ["c7"] = 8, ["new"] = 1 }, next.Parts.Overlay);
        Assert.Equal(301, next.Count);
        Assert.Equal(300, before.Values.Count);
        Assert.Equal(7, before.Values["c7"]);
    }

    [Fact]
    public void A_small_item_an_item_restarting_and_a_removal_copy_the_counters_whole()
    {
        Assert.Null(SqliteCounterMath.Next(State(SqliteCounterMath.LayeredFrom - 1), Add("c1"), 0).Parts.Overlay);
        Assert.Null(SqliteCounterMath.Next(State(300), new CounterUpdate { Remove = ["c1"] }, 0).Parts.Overlay);
        var expired = new SqliteCounterState(true, 10, State(300).Values);
        var restarted = SqliteCounterMath.Next(expired, Add("c1"), 10);
        Assert.Equal(new Dictionary<string, long> { ["c1"] = 1 }, restarted.Values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_state_reads_as_the_whole_item_whatever_the_order_of_updates_and_reads(int seed)
    {
        var random = new Random(seed);
        var state = State(200);
        var model = new Dictionary<string, long>(state.Values, StringComparer.Ordinal);
        var states = new List<(SqliteCounterState State, Dictionary<string, long> Expected)>();
        for (var i = 0; i < 600; i++)
        {
            var update = random.Next(10) < 8
                ? new CounterUpdate { Add = new Dictionary<string, long> { [$"c{random.Next(260)}"] = random.Next(1, 5), [$"c{random.Next(260)}"] = 1 } }
                : new CounterUpdate { Add = new Dictionary<string, long> { ["c3"] = 2 }, Set = new Dictionary<string, long> { ["c3"] = random.Next(100), [$"c{random.Next(260)}"] = -1 } };
            update.ApplyTo(model);
            state = SqliteCounterMath.Next(state, update, 0);
            states.Add((state, new Dictionary<string, long>(model, StringComparer.Ordinal)));
            Assert.Equal(model.Count, state.Count);
            if (random.Next(10) == 0)
            {
                // A reader (or a checkpoint) building the whole dictionary midway changes nothing that follows.
                Assert.Equal(model, state.Values);
            }
        }

        // Built from several threads at once, every state gives its own counters.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            foreach (var (built, expected) in states)
            {
                Assert.Equal(expected, built.Values);
                Assert.Equal(expected, built.View);
            }
        })));
    }

    private static SqliteCounterState State(int counters) =>
        new(true, null, Enumerable.Range(0, counters).ToDictionary(static i => $"c{i}", static i => (long)i, StringComparer.Ordinal));

    private static CounterUpdate Add(params string[] names) =>
        new() { Add = names.ToDictionary(static n => n, static _ => 1L, StringComparer.Ordinal) };
}
