using Amazon.DynamoDBv2.Model;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.DynamoDb.Tests;

/// <summary>
/// dynalite never throttles, so UnprocessedItems is provoked by a wrapper around the real client that holds back
/// part of each request (the only stand-in in these tests; every write still goes to dynalite).
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class BatchWriterTests(DynaliteFixture dynalite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Unprocessed_items_are_sent_again_until_every_item_is_written()
    {
        var store = dynalite.CreateStore(clock, out string table);
        await store.PingAsync(); // creates the table
        var items = Enumerable.Range(0, 60).Select(i => Item($"k{i:D3}")).ToList();
        int calls = 0;

        await BatchWriter.WriteAsync(table, items, async (request, token) =>
        {
            Interlocked.Increment(ref calls);
            var requested = request.RequestItems[table];
            Assert.InRange(requested.Count, 1, BatchWriter.MaxItemsPerRequest);
            // Write only the first half; hand the rest back as DynamoDB does when it throttles.
            int sent = (requested.Count + 1) / 2;
            await dynalite.Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = requested.Take(sent).ToList() } }, token);
            return new BatchWriteItemResponse { UnprocessedItems = new() { [table] = requested.Skip(sent).ToList() } };
        }, CancellationToken.None);

        var stored = await store.QueryAsync("t1#batch", "k");
        Assert.Equal(60, stored.Count);
        Assert.True(calls > 3, $"expected retries beyond the 3 chunks, saw {calls} calls");
    }

    [Fact]
    public async Task Batch_write_gives_up_after_bounded_attempts_when_nothing_is_ever_processed()
    {
        int calls = 0;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BatchWriter.WriteAsync("any", [Item("k1")], (request, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(new BatchWriteItemResponse { UnprocessedItems = request.RequestItems });
        }, CancellationToken.None, _ => TimeSpan.Zero));

        Assert.Equal(BatchWriter.MaxAttempts, calls);
        Assert.Contains("unprocessed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_key_in_one_batch_keeps_the_last_document()
    {
        var store = dynalite.CreateStore(clock, out _);
        var key = new ItemKey("t1#batch", "same");

        await store.BatchPutAsync([new BatchItem(key, "first"), new BatchItem(key, "second")]);

        Assert.Equal("second", (await store.GetAsync(key))?.Document);
    }

    private static Dictionary<string, AttributeValue> Item(string sortKey)
    {
        var item = ItemLayout.Key(new ItemKey("t1#batch", sortKey));
        item[ItemLayout.Document] = new AttributeValue { S = sortKey };
        item[ItemLayout.Version] = new AttributeValue { S = ItemLayout.NewVersion() };
        return item;
    }
}
