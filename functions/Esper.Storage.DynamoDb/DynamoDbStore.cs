using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// <see cref="IKeyValueStore"/> on one DynamoDB table keyed (pk, sk). Document items carry <c>doc</c> and a random
/// version token <c>ver</c>; counter items carry one number attribute per counter. Every condition treats an
/// item whose <c>expires_at_ms</c> has passed as absent, and every read hides it, because DynamoDB's TTL deletes
/// expired items only eventually. No operation uses transactions.
/// </summary>
internal sealed class DynamoDbStore(IAmazonDynamoDB client, DynamoDbStoreOptions options, TimeProvider timeProvider) : IKeyValueStore
{
    private const string Live = "(attribute_not_exists(#ems) OR #ems > :now)";
    private const string AbsentOrExpired = "attribute_not_exists(#pk) OR #ems <= :now";

    private readonly TableInitializer initializer = new(client, options);
    private readonly string table = options.TableName;

    /// <summary>DynamoDB's TTL deletes expired items at no write cost; a delete is billed like a write.</summary>
    public bool RemovesExpiredItemsFreely => true;

    public async ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var item = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return ItemLayout.ToStoredItem(item, Now());
    }

    public async ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        options ??= new QueryOptions();
        var now = Now();
        var names = new Dictionary<string, string>
        {
            ["#pk"] = ItemLayout.PartitionKey,
            ["#doc"] = ItemLayout.Document,
            ["#ems"] = ItemLayout.ExpiresAtMilliseconds,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":pk"] = new AttributeValue { S = partitionKey },
            [":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds()),
        };
        string keyCondition = "#pk = :pk";
        if (sortKeyPrefix.Length > 0)
        {
            names["#sk"] = ItemLayout.SortKey;
            values[":prefix"] = new AttributeValue { S = sortKeyPrefix };
            keyCondition += " AND begins_with(#sk, :prefix)";
        }

        var results = new List<StoredItem>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new QueryRequest
            {
                TableName = table,
                ConsistentRead = true,
                KeyConditionExpression = keyCondition,
                // Counter items (no doc) and expired items are dropped by the server; Limit counts before the
                // filter, so paging continues until enough live items are collected.
                FilterExpression = "attribute_exists(#doc) AND " + Live,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ScanIndexForward = !options.Descending,
                ExclusiveStartKey = startKey,
            };
            if (options.Limit is { } limit)
            {
                request.Limit = Math.Max(1, limit - results.Count);
            }

            var response = await client.QueryAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                if (ItemLayout.ToStoredItem(item, now) is { } stored)
                {
                    results.Add(stored);
                }
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null && (options.Limit is null || results.Count < options.Limit));

        return options.Limit is { } max && results.Count > max ? results.GetRange(0, max) : results;
    }

    public async ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        var now = Now();
        string version = ItemLayout.NewVersion();
        var item = ItemLayout.Key(key);
        item[ItemLayout.Document] = DocumentCodec.Encode(document);
        item[ItemLayout.Version] = new AttributeValue { S = version };
        if (expiresAt is { } expiry)
        {
            ItemLayout.AddExpiry(item, ItemLayout.ExpiresAtSeconds, ItemLayout.ExpiresAtMilliseconds, expiry);
        }

        var request = new PutItemRequest { TableName = table, Item = item };
        switch (condition.Kind)
        {
            case WriteConditionKind.IfAbsent:
                request.ConditionExpression = AbsentOrExpired;
                request.ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = ItemLayout.PartitionKey, ["#ems"] = ItemLayout.ExpiresAtMilliseconds };
                request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds()) };
                break;
            case WriteConditionKind.IfVersion:
                SetVersionCondition(request.ExpressionAttributeNames = [], request.ExpressionAttributeValues = [], condition.Version!, now, out string expression);
                request.ConditionExpression = expression;
                break;
        }

        try
        {
            await client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return WriteResult.Written(version);
        }
        catch (ConditionalCheckFailedException)
        {
            return condition.Kind == WriteConditionKind.IfAbsent
                ? WriteResult.Conflict
                : await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        var now = Now();
        var request = new DeleteItemRequest
        {
            TableName = table,
            Key = ItemLayout.Key(key),
            ExpressionAttributeNames = [],
            ExpressionAttributeValues = [],
        };
        if (expectedVersion is null)
        {
            request.ConditionExpression = "attribute_exists(#doc) AND " + Live;
            request.ExpressionAttributeNames["#doc"] = ItemLayout.Document;
            request.ExpressionAttributeNames["#ems"] = ItemLayout.ExpiresAtMilliseconds;
            request.ExpressionAttributeValues[":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds());
        }
        else
        {
            SetVersionCondition(request.ExpressionAttributeNames, request.ExpressionAttributeValues, expectedVersion, now, out string expression);
            request.ConditionExpression = expression;
        }

        try
        {
            await client.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
            return WriteResult.Written(null);
        }
        catch (ConditionalCheckFailedException)
        {
            return expectedVersion is null ? WriteResult.NotFound : await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        update.Validate();
        if (CounterUpdateRequest.IsEmpty(update))
        {
            return await GetCountersAsync(key, cancellationToken).ConfigureAwait(false);
        }

        await initializer.EnsureAsync().ConfigureAwait(false);
        while (true)
        {
            var now = Now();
            try
            {
                var response = await client.UpdateItemAsync(CounterUpdateRequest.Build(table, key, update, now), cancellationToken).ConfigureAwait(false);
                return ItemLayout.ToCounters(response.Attributes, now);
            }
            catch (ConditionalCheckFailedException)
            {
                // The item expired but is not deleted yet: its counters restart from zero.
            }

            try
            {
                await client.PutItemAsync(CounterUpdateRequest.BuildRestart(table, key, update, now, out var counters), cancellationToken).ConfigureAwait(false);
                return counters;
            }
            catch (ConditionalCheckFailedException)
            {
                // Someone restarted it first; apply the update to theirs.
            }
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        var item = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return ItemLayout.ToCounters(item, Now());
    }

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return;
        }

        await initializer.EnsureAsync().ConfigureAwait(false);
        var mapped = items.Select(batchItem =>
        {
            var item = ItemLayout.Key(batchItem.Key);
            item[ItemLayout.Document] = DocumentCodec.Encode(batchItem.Document);
            item[ItemLayout.Version] = new AttributeValue { S = ItemLayout.NewVersion() };
            if (batchItem.ExpiresAt is { } expiry)
            {
                ItemLayout.AddExpiry(item, ItemLayout.ExpiresAtSeconds, ItemLayout.ExpiresAtMilliseconds, expiry);
            }

            return item;
        });
        await BatchWriter.WriteAsync(table, mapped, (request, token) => client.BatchWriteItemAsync(request, token), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await initializer.EnsureAsync().ConfigureAwait(false);
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken).ConfigureAwait(false);
            return response.Table.TableStatus == TableStatus.ACTIVE;
        }
        catch (AmazonServiceException)
        {
            return false;
        }
        catch (AmazonClientException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(ItemKey key, CancellationToken cancellationToken)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = ItemLayout.Key(key), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return response.Item;
    }

    /// <summary>A failed version check: no live item is NotFound, a live item with another version is Conflict.</summary>
    private async ValueTask<WriteResult> ExplainFailureAsync(ItemKey key, CancellationToken cancellationToken)
    {
        var item = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
        return ItemLayout.IsLive(item, Now()) && item!.ContainsKey(ItemLayout.Document) ? WriteResult.Conflict : WriteResult.NotFound;
    }

    private static void SetVersionCondition(Dictionary<string, string> names, Dictionary<string, AttributeValue> values, string version, DateTimeOffset now, out string expression)
    {
        names["#ver"] = ItemLayout.Version;
        names["#ems"] = ItemLayout.ExpiresAtMilliseconds;
        values[":ver"] = new AttributeValue { S = version };
        values[":now"] = ItemLayout.Number(now.ToUnixTimeMilliseconds());
        expression = "#ver = :ver AND " + Live;
    }

    private DateTimeOffset Now() => timeProvider.GetUtcNow();
}
