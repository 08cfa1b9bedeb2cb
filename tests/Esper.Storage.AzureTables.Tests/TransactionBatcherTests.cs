using Esper.Storage.AzureTables.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.AzureTables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TransactionBatcherTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Transactions_hold_at_most_100_entities()
    {
        var entities = Enumerable.Range(0, 250).Select(i => EntityLayout.DocumentEntity(new ItemKey("t1#p", $"k{i}"), "{}", null));

        var sizes = TransactionBatcher.Split(entities).Select(actions => actions.Count).ToArray();

        Assert.Equal([100, 100, 50], sizes);
    }

    [Fact]
    public void Large_documents_start_a_new_transaction_before_the_payload_limit()
    {
        string document = new('x', 200_000);
        var entities = Enumerable.Range(0, 12).Select(i => EntityLayout.DocumentEntity(new ItemKey("t1#p", $"k{i}"), document, null));

        var sizes = TransactionBatcher.Split(entities).Select(actions => actions.Count).ToArray();

        Assert.True(sizes.Length > 1, "12 × 200,000 characters must not go into one transaction");
        Assert.All(sizes, size => Assert.InRange(size * document.Length, 1, 1_600_000));
        Assert.Equal(12, sizes.Sum());
    }

    [Fact]
    public async Task Batch_of_large_documents_is_written_in_full()
    {
        var store = azurite.CreateStore(clock, out _);
        string document = new('y', 100_000);

        await store.BatchPutAsync(Enumerable.Range(0, 20).Select(i => new BatchItem(new ItemKey("t1#records", $"d{i:D2}"), document)).ToList());

        var stored = await store.QueryAsync("t1#records", "d");
        Assert.Equal(20, stored.Count);
        Assert.All(stored, item => Assert.Equal(document, item.Document));
    }
}
