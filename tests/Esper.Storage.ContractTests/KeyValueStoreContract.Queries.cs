using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Query_returns_the_items_with_the_prefix_in_sort_key_order()
    {
        var partition = Partition("t1#config");
        foreach (var sortKey in new[] { "policy#b", "action#b", "policy#a", "policy", "policyx", "action#a", "policy#c#1" })
        {
            await Store.PutAsync(new ItemKey(partition, sortKey), $$"""{"id":"{{sortKey}}"}""", WriteCondition.None);
        }

        var items = await Store.QueryAsync(partition, "policy#");

        Assert.Equal(["policy#a", "policy#b", "policy#c#1"], items.Select(static i => i.Key.SortKey));
        Assert.All(items, static i => Assert.Equal($$"""{"id":"{{i.Key.SortKey}}"}""", i.Document));
    }

    [Fact]
    public async Task Query_with_an_empty_prefix_returns_the_whole_partition()
    {
        var partition = Partition("t1#config");
        await Store.PutAsync(new ItemKey(partition, "b"), "{}", WriteCondition.None);
        await Store.PutAsync(new ItemKey(partition, "a"), "{}", WriteCondition.None);

        var items = await Store.QueryAsync(partition, "");

        Assert.Equal(["a", "b"], items.Select(static i => i.Key.SortKey));
    }

    [Fact]
    public async Task Query_honours_limit_and_descending_order()
    {
        var partition = Partition("t1#decisions");
        for (var i = 1; i <= 5; i++)
        {
            await Store.PutAsync(new ItemKey(partition, $"d#000{i}"), "{}", WriteCondition.None);
        }

        await Store.PutAsync(new ItemKey(partition, "e#0009"), "{}", WriteCondition.None);

        var firstTwo = await Store.QueryAsync(partition, "d#", new QueryOptions(Limit: 2));
        var newestThree = await Store.QueryAsync(partition, "d#", new QueryOptions(Limit: 3, Descending: true));
        var allDescending = await Store.QueryAsync(partition, "d#", new QueryOptions(Descending: true));

        Assert.Equal(["d#0001", "d#0002"], firstTwo.Select(static i => i.Key.SortKey));
        Assert.Equal(["d#0005", "d#0004", "d#0003"], newestThree.Select(static i => i.Key.SortKey));
        Assert.Equal(5, allDescending.Count);
    }

    [Fact]
    public async Task Query_limit_counts_only_live_items()
    {
        var partition = Partition("t1#decisions");
        await Store.PutAsync(new ItemKey(partition, "d#1"), "{}", WriteCondition.None, StartTime.AddSeconds(5));
        await Store.PutAsync(new ItemKey(partition, "d#2"), "{}", WriteCondition.None, StartTime.AddSeconds(5));
        await Store.PutAsync(new ItemKey(partition, "d#3"), "{}", WriteCondition.None);
        await Store.PutAsync(new ItemKey(partition, "d#4"), "{}", WriteCondition.None);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var items = await Store.QueryAsync(partition, "d#", new QueryOptions(Limit: 2));

        Assert.Equal(["d#3", "d#4"], items.Select(static i => i.Key.SortKey));
    }

    [Fact]
    public async Task Query_never_returns_another_tenants_items()
    {
        await Store.PutAsync(Key("t1#config", "policy#p1"), """{"tenant":"t1"}""", WriteCondition.None);
        await Store.PutAsync(Key("t2#config", "policy#p1"), """{"tenant":"t2"}""", WriteCondition.None);
        await Store.PutAsync(Key("t2#config", "policy#p2"), """{"tenant":"t2"}""", WriteCondition.None);

        var items = await Store.QueryAsync(Partition("t1#config"), "policy#");

        var item = Assert.Single(items);
        Assert.Equal("""{"tenant":"t1"}""", item.Document);
        Assert.Equal(Partition("t1#config"), item.Key.PartitionKey);
    }

    [Fact]
    public async Task Query_does_not_leak_into_a_partition_whose_name_starts_with_the_same_characters()
    {
        await Store.PutAsync(Key("t1", "config#p1"), "{}", WriteCondition.None);
        await Store.PutAsync(Key("t1#config", "p2"), "{}", WriteCondition.None);
        await Store.PutAsync(Key("t10#config", "p3"), "{}", WriteCondition.None);
        await Store.PutAsync(Key("t1#configs", "p4"), "{}", WriteCondition.None);

        var items = await Store.QueryAsync(Partition("t1#config"), "");
        var shortPartition = await Store.QueryAsync(Partition("t1"), "");

        Assert.Equal(["p2"], items.Select(static i => i.Key.SortKey));
        Assert.Equal(["config#p1"], shortPartition.Select(static i => i.Key.SortKey));
    }
}
