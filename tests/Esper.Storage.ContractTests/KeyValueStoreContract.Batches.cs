using Esper.Storage.KeyValue;

namespace Esper.Storage.ContractTests;

public abstract partial class KeyValueStoreContract
{
    [Fact]
    public async Task Batch_of_260_items_is_readable_in_full_afterwards()
    {
        // 260 is more than one DynamoDB batch (25) and more than one Azure Tables transaction (100).
        var partition = Partition("t1#records");
        var items = Enumerable.Range(0, 260)
            .Select(i => new BatchItem(new ItemKey(partition, $"decision#{i:D4}"), $$"""{"i":{{i}}}"""))
            .ToArray();

        await Store.BatchPutAsync(items);

        var queried = await Store.QueryAsync(partition, "decision#");
        Assert.Equal(items.Select(static i => i.Key.SortKey), queried.Select(static i => i.Key.SortKey));
        Assert.Equal(items.Select(static i => i.Document), queried.Select(static i => i.Document));
        Assert.Equal("""{"i":137}""", (await Store.GetAsync(items[137].Key))!.Document);
    }

    [Fact]
    public async Task Batch_spanning_partitions_writes_every_partition()
    {
        var items = Enumerable.Range(0, 130)
            .Select(i => new BatchItem(Key($"t1#day{i % 3}", $"decision#{i:D4}"), "{}"))
            .ToArray();

        await Store.BatchPutAsync(items);

        for (var day = 0; day < 3; day++)
        {
            var expected = items.Count(i => i.Key.PartitionKey == Partition($"t1#day{day}"));
            Assert.Equal(expected, (await Store.QueryAsync(Partition($"t1#day{day}"), "decision#")).Count);
        }
    }

    [Fact]
    public async Task Batch_overwrites_existing_items_and_sets_expiries()
    {
        var partition = Partition("t1#records");
        var existing = await Store.PutAsync(new ItemKey(partition, "decision#0"), """{"v":"old"}""", WriteCondition.None);

        await Store.BatchPutAsync(
        [
            new BatchItem(new ItemKey(partition, "decision#0"), """{"v":"new"}"""),
            new BatchItem(new ItemKey(partition, "decision#1"), """{"v":"short"}""", StartTime.AddMinutes(1)),
        ]);
        var overwritten = await Store.GetAsync(new ItemKey(partition, "decision#0"));
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("""{"v":"new"}""", overwritten!.Document);
        Assert.NotEqual(existing.Version, overwritten.Version);
        Assert.Equal(["decision#0"], (await Store.QueryAsync(partition, "decision#")).Select(static i => i.Key.SortKey));
    }
}
