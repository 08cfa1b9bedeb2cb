using Amazon.DynamoDBv2.Model;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.DynamoDb.Tests;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbItemLayoutTests(DynaliteFixture dynalite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Expiring_document_carries_numeric_ttl_attribute_in_epoch_seconds()
    {
        var store = dynalite.CreateStore(clock, out string table);
        var key = new ItemKey("tenant-a#config", "policy#p1");
        var expiresAt = clock.GetUtcNow().AddMinutes(10).AddMilliseconds(250);

        await store.PutAsync(key, "{}", WriteCondition.None, expiresAt);

        var raw = await RawAsync(table, key);
        Assert.NotNull(raw[ItemLayout.ExpiresAtSeconds].N);
        Assert.Equal(expiresAt.ToUnixTimeSeconds() + 1, long.Parse(raw[ItemLayout.ExpiresAtSeconds].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), long.Parse(raw[ItemLayout.ExpiresAtMilliseconds].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("{}", raw[ItemLayout.Document].S);
    }

    [Fact]
    public async Task Counter_item_keeps_each_counter_as_a_prefixed_number_attribute_with_its_ttl()
    {
        var store = dynalite.CreateStore(clock, out string table);
        var key = new ItemKey("tenant-a#entity#1.2.3.4", "state");
        var expiresAt = clock.GetUtcNow().AddHours(1);

        await store.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["w_1"] = 3 }, ExpiresAt = expiresAt });

        var raw = await RawAsync(table, key);
        Assert.Equal("3", raw["c_w_1"].N);
        Assert.Equal(expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), raw[ItemLayout.ExpiresAtSeconds].N);
        Assert.False(raw.ContainsKey(ItemLayout.Document));
    }

    [Fact]
    public async Task Expired_counter_item_still_held_by_the_backend_restarts_from_zero()
    {
        var store = dynalite.CreateStore(clock, out string table);
        var key = new ItemKey("tenant-a#entity#e1", "state");
        await store.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 5 }, ExpiresAt = clock.GetUtcNow().AddMinutes(1) });
        clock.Advance(TimeSpan.FromMinutes(1));

        var counters = await store.UpdateCountersAsync(key, new CounterUpdate { Add = new Dictionary<string, long> { ["hits"] = 1 } });

        Assert.Equal(1, counters["hits"]);
        var raw = await RawAsync(table, key);
        Assert.Equal("1", raw["c_hits"].N);
        Assert.False(raw.ContainsKey(ItemLayout.ExpiresAtMilliseconds)); // the restarted item has no expiry of its own
    }

    [Fact]
    public async Task Limited_query_pages_past_expired_items_until_enough_live_ones()
    {
        var store = dynalite.CreateStore(clock, out _);
        var soon = clock.GetUtcNow().AddSeconds(5);
        for (int i = 0; i < 10; i++)
        {
            // Even sort keys expire, odd ones live: the server-side filter drops items after Limit counted them.
            await store.PutAsync(new ItemKey("t1#d", $"k{i:D2}"), $"{i}", WriteCondition.None, i % 2 == 0 ? soon : null);
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        var page = await store.QueryAsync("t1#d", "k", new QueryOptions(Limit: 3));

        Assert.Equal(["k01", "k03", "k05"], page.Select(item => item.Key.SortKey));
    }

    [Fact]
    public async Task Missing_table_is_not_created_without_the_flag()
    {
        string table = DynaliteFixture.NewTableName();
        var store = DynamoDbKeyValueStore.Create(dynalite.Client, dynalite.Options(table, createTable: false), clock);

        Assert.False(await store.PingAsync());
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => dynalite.Client.DescribeTableAsync(table));
    }

    [Fact]
    public async Task Table_is_created_on_first_use_with_the_flag()
    {
        string table = DynaliteFixture.NewTableName();
        var store = DynamoDbKeyValueStore.Create(dynalite.Client, dynalite.Options(table, createTable: true), clock);

        Assert.True(await store.PingAsync());
        var description = await dynalite.Client.DescribeTableAsync(table);
        Assert.Equal(["pk", "sk"], description.Table.KeySchema.Select(element => element.AttributeName));
    }

    private async Task<Dictionary<string, AttributeValue>> RawAsync(string table, ItemKey key)
    {
        var response = await dynalite.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ItemLayout.Key(key), ConsistentRead = true });
        Assert.NotNull(response.Item);
        return response.Item;
    }
}
