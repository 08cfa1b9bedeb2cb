using Azure.Data.Tables;
using Esper.Storage.AzureTables.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.AzureTables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTablesLayoutTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Keys_with_characters_azure_forbids_round_trip_and_query_in_decoded_order()
    {
        var store = azurite.CreateStore(clock, out var table);
        const string Partition = "tenant/a\\b#c?d%e~f\tg";
        string[] sortKeys = ["aZ", "a?3", "a/2", "a#1", "b#1"];
        foreach (string sortKey in sortKeys)
        {
            await store.PutAsync(new ItemKey(Partition, sortKey), sortKey, WriteCondition.IfAbsent);
        }

        var read = await store.GetAsync(new ItemKey(Partition, "a/2"));
        var queried = await store.QueryAsync(Partition, "a");
        var raw = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(new ItemKey(Partition, "a/2"), read!.Key);
        Assert.Equal(["a#1", "a/2", "a?3", "aZ"], queried.Select(item => item.Key.SortKey));
        Assert.All(queried, item => Assert.Equal(item.Key.SortKey, item.Document));
        Assert.All(raw, entity => Assert.Equal("tenant~002Fa~005Cb~0023c~003Fd~0025e~007Ef~0009g", entity.PartitionKey));
        Assert.Contains(raw, entity => entity.RowKey == "a~002F2");
    }

    [Fact]
    public async Task Expiry_is_an_int64_column_of_epoch_milliseconds()
    {
        var store = azurite.CreateStore(clock, out var table);
        var expiresAt = clock.GetUtcNow().AddMinutes(3).AddMilliseconds(7);

        await store.PutAsync(new ItemKey("t1#records", "d#1"), "{}", WriteCondition.None, expiresAt);
        await store.UpdateCountersAsync(new ItemKey("t1#state", "e#1"), new CounterUpdate { Add = new Dictionary<string, long> { ["w_1"] = 2 }, ExpiresAt = expiresAt });

        var document = (await table.GetEntityAsync<TableEntity>("t1~0023records", "d~00231")).Value;
        var counter = (await table.GetEntityAsync<TableEntity>("t1~0023state", "e~00231")).Value;
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), document.GetInt64(EntityLayout.ExpiresAt));
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), counter.GetInt64(EntityLayout.ExpiresAt));
        Assert.Equal(2, counter.GetInt64("c_w_1"));
        Assert.False(counter.ContainsKey(EntityLayout.Document));
    }

    [Fact]
    public async Task Document_longer_than_one_property_is_split_across_numbered_properties()
    {
        var store = azurite.CreateStore(clock, out var table);
        // A surrogate pair straddles the first chunk boundary.
        string document = new string('x', EntityLayout.DocumentChunk - 1) + "🚀" + new string('y', EntityLayout.DocumentChunk + 10);

        await store.PutAsync(new ItemKey("t1#records", "big"), document, WriteCondition.None);

        var entity = (await table.GetEntityAsync<TableEntity>("t1~0023records", "big")).Value;
        Assert.Equal(EntityLayout.DocumentChunk - 1, entity.GetString("doc").Length);
        Assert.NotNull(entity.GetString("doc2"));
        Assert.Equal(document, (await store.GetAsync(new ItemKey("t1#records", "big")))!.Document);
    }

    [Fact]
    public async Task Version_carries_the_expiry_of_an_expiring_item()
    {
        var store = azurite.CreateStore(clock, out _);
        var expiresAt = clock.GetUtcNow().AddMinutes(1);

        var written = await store.PutAsync(new ItemKey("t1#config", "p1"), "{}", WriteCondition.None, expiresAt);

        Assert.EndsWith("|" + expiresAt.ToUnixTimeMilliseconds(), written.Version, StringComparison.Ordinal);
        var (_, parsedExpiry) = EntityLayout.ParseVersion(written.Version!)!.Value;
        Assert.Equal(expiresAt, parsedExpiry);
    }

    [Fact]
    public async Task Counter_updates_under_contention_across_several_counters_stay_exact()
    {
        var store = azurite.CreateStore(clock, out _);
        var key = new ItemKey("t1#state", "entity#hot");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await store.UpdateCountersAsync(key, new CounterUpdate
                {
                    Add = new Dictionary<string, long> { ["all"] = 1, [$"w{writer}"] = 1 },
                    Set = new Dictionary<string, long> { ["last_writer"] = writer },
                });
            }
        })));

        var counters = await store.GetCountersAsync(key);
        Assert.Equal(800, counters["all"]);
        Assert.All(Enumerable.Range(0, 8), writer => Assert.Equal(100, counters[$"w{writer}"]));
        Assert.InRange(counters["last_writer"], 0, 7);
    }

    [Fact]
    public async Task Missing_table_is_not_created_without_the_flag()
    {
        var options = azurite.Options(AzuriteFixture.NewTableName(), createTable: false);
        var store = AzureTablesKeyValueStore.Create(options, clock);

        Assert.False(await store.PingAsync());
        var service = new TableServiceClient(azurite.ConnectionString);
        Assert.Empty(await service.QueryAsync(table => table.Name == options.TableName).ToListAsync());
    }

    [Fact]
    public async Task Table_is_created_on_first_use_with_the_flag()
    {
        var options = azurite.Options(AzuriteFixture.NewTableName(), createTable: true);
        var store = AzureTablesKeyValueStore.Create(options, clock);

        Assert.True(await store.PingAsync());
        var service = new TableServiceClient(azurite.ConnectionString);
        Assert.Single(await service.QueryAsync(table => table.Name == options.TableName).ToListAsync());
    }
}
