using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// Creates the table on first use when <see cref="DynamoDbStoreOptions.CreateTableIfMissing"/> allows it:
/// on-demand capacity, key (pk, sk), TTL on <c>expires_at</c>. Otherwise it does nothing.
/// </summary>
internal sealed class TableInitializer(IAmazonDynamoDB client, DynamoDbStoreOptions options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private const int MaxPolls = 300;

    private readonly Lock gate = new();
    private Task? pending;

    public Task EnsureAsync()
    {
        if (!options.CreateTableIfMissing)
        {
            return Task.CompletedTask;
        }

        lock (gate)
        {
            // A failed attempt is not cached: the next call tries again.
            if (pending is null || pending.IsFaulted || pending.IsCanceled)
            {
                pending = CreateAsync();
            }

            return pending;
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            var existing = await client.DescribeTableAsync(options.TableName).ConfigureAwait(false);
            if (existing.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }
        }
        catch (ResourceNotFoundException)
        {
            await CreateTableAsync().ConfigureAwait(false);
        }

        await WaitActiveAsync().ConfigureAwait(false);
        await EnableTimeToLiveAsync().ConfigureAwait(false);
    }

    private async Task CreateTableAsync()
    {
        try
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = options.TableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition(ItemLayout.PartitionKey, ScalarAttributeType.S),
                    new AttributeDefinition(ItemLayout.SortKey, ScalarAttributeType.S),
                ],
                KeySchema =
                [
                    new KeySchemaElement(ItemLayout.PartitionKey, KeyType.HASH),
                    new KeySchemaElement(ItemLayout.SortKey, KeyType.RANGE),
                ],
            }).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Another instance created it first.
        }
    }

    private async Task WaitActiveAsync()
    {
        for (int poll = 0; poll < MaxPolls; poll++)
        {
            var description = await client.DescribeTableAsync(options.TableName).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

#pragma warning disable RS0030 // Pacing of calls to the remote service, not product time: it must stay real time even when a test fakes the clock.
            await Task.Delay(PollInterval).ConfigureAwait(false);
#pragma warning restore RS0030
        }

        throw new InvalidOperationException($"DynamoDB table '{options.TableName}' did not become active.");
    }

    private async Task EnableTimeToLiveAsync()
    {
        try
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = options.TableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ItemLayout.ExpiresAtSeconds, Enabled = true },
            }).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode is "UnknownOperationException" or "ValidationException")
        {
            // Local emulators without TTL support; expiry is enforced on every read regardless. On AWS a
            // ValidationException means TTL is already enabled.
        }
    }
}
