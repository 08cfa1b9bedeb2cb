using System.Text;
using Amazon.DynamoDBv2.Model;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.DynamoDb.Tests;

/// <summary>Long documents are stored compressed (fewer write units); every read path returns their text unchanged.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbCompressedDocumentTests(DynaliteFixture dynalite)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    // A decision record's shape: JSON with repeated names, about 1.8 KB, as the runtime writes one per decision.
    private static readonly string LongDocument = "{\"records\":[" + string.Join(',', Enumerable.Range(0, 24).Select(i =>
        $"{{\"decision_id\":\"dec_{i:D20}\",\"action\":\"allow\",\"policy_id\":null,\"client_ip\":\"198.18.0.{i}\"}}")) + "]}";

    [Fact]
    public async Task Long_document_is_stored_as_smaller_binary_and_reads_back_unchanged()
    {
        var store = dynalite.CreateStore(clock, out var table);
        var key = new ItemKey("tenant-a#decisions", "0001#dec_1");

        await store.PutAsync(key, LongDocument, WriteCondition.None);

        var raw = (await dynalite.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ItemLayout.Key(key), ConsistentRead = true })).Item;
        Assert.Null(raw[ItemLayout.Document].S);
        Assert.InRange(raw[ItemLayout.Document].B.Length, 1, Encoding.UTF8.GetByteCount(LongDocument) / 2);
        Assert.Equal(LongDocument, (await store.GetAsync(key))!.Document);
    }

    [Fact]
    public async Task Compressed_documents_come_back_from_batches_and_queries_and_can_be_replaced_by_version()
    {
        var store = dynalite.CreateStore(clock, out _);
        var first = new ItemKey("tenant-a#decisions", "0001#dec_1");
        var second = new ItemKey("tenant-a#decisions", "0002#dec_2");
        await store.BatchPutAsync([new BatchItem(first, LongDocument), new BatchItem(second, "{\"short\":true}")]);

        var listed = await store.QueryAsync("tenant-a#decisions", "");

        Assert.Equal([LongDocument, "{\"short\":true}"], listed.Select(static i => i.Document));
        var replaced = await store.PutAsync(first, LongDocument + " ", WriteCondition.IfVersion(listed[0].Version));
        Assert.True(replaced.Succeeded);
        Assert.Equal(LongDocument + " ", (await store.GetAsync(first))!.Document);
        Assert.True((await store.DeleteAsync(first)).Succeeded);
        Assert.Null(await store.GetAsync(first));
    }

    [Fact]
    public async Task Document_written_as_text_by_an_earlier_version_still_reads()
    {
        var store = dynalite.CreateStore(clock, out var table);
        var key = new ItemKey("tenant-a#config", "policy#p1");
        await store.PutAsync(key, "{}", WriteCondition.None);
        var item = ItemLayout.Key(key);
        item[ItemLayout.Document] = new AttributeValue { S = LongDocument };
        item[ItemLayout.Version] = new AttributeValue { S = "v-old" };
        await dynalite.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });

        Assert.Equal(LongDocument, (await store.GetAsync(key))!.Document);
    }
}
