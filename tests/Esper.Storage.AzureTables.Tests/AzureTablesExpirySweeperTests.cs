using Azure.Data.Tables;
using Esper.Storage.AzureTables.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.AzureTables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTablesExpirySweeperTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sweep_deletes_expired_entities_and_keeps_live_and_non_expiring_ones()
    {
        var store = azurite.CreateStore(clock, out var table);
        var soon = clock.GetUtcNow().AddMinutes(1);
        await store.PutAsync(new ItemKey("t1#records", "expired"), "{}", WriteCondition.None, soon);
        await store.UpdateCountersAsync(new ItemKey("t1#state", "expired"), new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 }, ExpiresAt = soon });
        await store.PutAsync(new ItemKey("t1#records", "later"), "{}", WriteCondition.None, soon.AddHours(1));
        await store.PutAsync(new ItemKey("t1#records", "forever"), "{}", WriteCondition.None);
        clock.Advance(TimeSpan.FromMinutes(1));

        int deleted = await AzureTablesExpirySweeper.DeleteExpiredAsync(table, clock);

        Assert.Equal(2, deleted);
        var left = await table.QueryAsync<TableEntity>().Select(entity => entity.RowKey).ToListAsync();
        Assert.Equal(["forever", "later"], left.Order(StringComparer.Ordinal));
    }
}
