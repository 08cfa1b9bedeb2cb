using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Counter_update_creates_the_item_and_returns_the_new_values()
    {
        var key = Key("t1#state", "entity#e1");

        var counters = await Store.UpdateCountersAsync(key, Adds(("w1", 1), ("w2", 3)));

        AssertCounters(Counters(("w1", 1), ("w2", 3)), counters);
        AssertCounters(counters, await Store.GetCountersAsync(key));
    }

    [Fact]
    public async Task Counter_update_returns_every_counter_of_the_item_not_only_the_changed_ones()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, Adds(("w1", 2), ("penalty_until", 0)));

        var counters = await Store.UpdateCountersAsync(key, Adds(("w2", 1)));

        AssertCounters(Counters(("w1", 2), ("penalty_until", 0), ("w2", 1)), counters);
    }

    [Fact]
    public async Task Negative_amounts_subtract()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, Adds(("w1", 5)));

        var counters = await Store.UpdateCountersAsync(key, Adds(("w1", -7)));

        Assert.Equal(-2, counters["w1"]);
    }

    [Fact]
    public async Task Set_overwrites_a_counter_and_remove_drops_it()
    {
        var key = Key("t1#state", "entity#e1");
        await Store.UpdateCountersAsync(key, Adds(("w1", 4), ("w2", 9), ("penalty_until", 100)));

        var counters = await Store.UpdateCountersAsync(key, new CounterUpdate
        {
            Add = Counters(("w3", 1)),
            Set = Counters(("penalty_until", 1_900_000_000), ("fresh", 7)),
            Remove = ["w2", "never_there"],
        });

        AssertCounters(Counters(("w1", 4), ("w3", 1), ("penalty_until", 1_900_000_000), ("fresh", 7)), counters);
        AssertCounters(counters, await Store.GetCountersAsync(key));
    }

    [Fact]
    public async Task Get_counters_of_a_missing_item_is_empty()
    {
        Assert.Empty(await Store.GetCountersAsync(Key("t1#state", "entity#none")));
    }

    [Fact]
    public async Task Counters_of_different_items_are_independent()
    {
        var first = Key("t1#state", "entity#e1");
        var second = Key("t1#state", "entity#e2");
        await Store.UpdateCountersAsync(first, Adds(("w1", 1)));

        var counters = await Store.UpdateCountersAsync(second, Adds(("w1", 10)));

        Assert.Equal(10, counters["w1"]);
        Assert.Equal(1, (await Store.GetCountersAsync(first))["w1"]);
    }

    [Fact]
    public async Task Eight_parallel_writers_of_500_increments_count_exactly_and_each_sees_a_distinct_total()
    {
        const int Writers = 8;
        const int IncrementsEach = 500;
        var key = Key("t1#state", "entity#hot");

        var seen = await RunTogetherAsync(Writers, async _ =>
        {
            var totals = new List<long>(IncrementsEach);
            for (var i = 0; i < IncrementsEach; i++)
            {
                totals.Add((await Store.UpdateCountersAsync(key, Adds(("hits", 1))))["hits"]);
            }

            return totals;
        });

        Assert.Equal(Writers * IncrementsEach, (await Store.GetCountersAsync(key))["hits"]);

        // Each increment read back the total it produced: no two updates may have observed the same value.
        var all = seen.SelectMany(static totals => totals).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, Writers * IncrementsEach).Select(static n => (long)n), all);
    }

    [Fact]
    public async Task Counter_names_outside_letters_digits_and_underscore_are_rejected()
    {
        var key = Key("t1#state", "entity#e1");

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.UpdateCountersAsync(key, Adds(("bad-name", 1))));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.UpdateCountersAsync(key, Adds(("", 1))));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.UpdateCountersAsync(key, new CounterUpdate { Remove = ["a\"b"] }));
        Assert.Empty(await Store.GetCountersAsync(key));
    }

    [Fact]
    public async Task Counter_items_are_invisible_to_document_reads_and_queries()
    {
        var partition = Partition("t1#mixed");
        await Store.UpdateCountersAsync(new ItemKey(partition, "c#1"), Adds(("n", 1)));
        await Store.PutAsync(new ItemKey(partition, "d#1"), "{}", WriteCondition.None);

        var items = await Store.QueryAsync(partition, "");

        Assert.Null(await Store.GetAsync(new ItemKey(partition, "c#1")));
        Assert.Equal(["d#1"], items.Select(static i => i.Key.SortKey));
    }

    /// <summary>Asserts both hold the same counters, whatever their order or dictionary type.</summary>
    protected static void AssertCounters(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual) =>
        Assert.Equal(
            expected.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value}"),
            actual.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value}"));

    /// <summary>A counter update that only adds.</summary>
    protected static CounterUpdate Adds(params (string Name, long Amount)[] adds) => new() { Add = Counters(adds) };

    /// <summary>A counter dictionary, for building updates and comparing results.</summary>
    protected static Dictionary<string, long> Counters(params (string Name, long Value)[] counters) =>
        counters.ToDictionary(static c => c.Name, static c => c.Value, StringComparer.Ordinal);
}
