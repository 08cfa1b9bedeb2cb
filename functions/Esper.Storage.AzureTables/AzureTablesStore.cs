using Azure;
using Azure.Data.Tables;

namespace Esper.Storage.AzureTables;

/// <summary>
/// <see cref="IKeyValueStore"/> on one Azure table. Keys are encoded by <see cref="KeyEncoding"/>; versions are the
/// entities' ETags; expiry is an Int64 column that every read and condition honours (Azure Tables has no TTL).
/// Azure has no atomic add either, so counters are ETag-checked read-modify-write cycles (see
/// <see cref="UpdateCountersAsync"/>). No operation uses transactions except the per-partition batches of
/// <see cref="BatchPutAsync"/>, which are unconditional.
/// </summary>
internal sealed class AzureTablesStore(TableClient client, bool createTableIfMissing, TimeProvider timeProvider) : IKeyValueStore
{
    private const int NotFoundStatus = 404;
    private const int ConflictStatus = 409;
    private const int PreconditionFailedStatus = 412;

    private readonly TableInitializer initializer = new(client, createTableIfMissing);

    public async ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        EntityLayout.ToStoredItem(await ReadAsync(key, cancellationToken).ConfigureAwait(false), Now());

    /// <remarks>
    /// Azure returns a partition only in ascending RowKey order and the key encoding does not keep the order of
    /// escaped characters, so the whole prefix range is read and sorted by decoded key before the limit applies.
    /// </remarks>
    public async ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        options ??= new QueryOptions();
        var now = Now();
        string encodedPartition = KeyEncoding.Encode(partitionKey);
        string filter;
        if (sortKeyPrefix.Length == 0)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {encodedPartition}");
        }
        else
        {
            string lower = KeyEncoding.Encode(sortKeyPrefix);
            string upper = KeyEncoding.UpperBound(lower);
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {encodedPartition} and RowKey ge {lower} and RowKey lt {upper}");
        }

        var results = new List<StoredItem>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (EntityLayout.ToStoredItem(entity, now) is { } item)
            {
                results.Add(item);
            }
        }

        results.Sort((a, b) => string.CompareOrdinal(a.Key.SortKey, b.Key.SortKey));
        if (options.Descending)
        {
            results.Reverse();
        }

        return options.Limit is { } limit && results.Count > limit ? results.GetRange(0, limit) : results;
    }

    public async ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        var entity = EntityLayout.DocumentEntity(key, document, expiresAt);
        switch (condition.Kind)
        {
            case WriteConditionKind.IfAbsent:
                return await AddAsync(key, entity, expiresAt, cancellationToken).ConfigureAwait(false);
            case WriteConditionKind.IfVersion:
                if (EntityLayout.ParseVersion(condition.Version!) is not ({ } etag, var versionExpiry) || versionExpiry <= Now())
                {
                    // No entity can hold that version (any more): report what is there instead.
                    return await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    var replaced = await client.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    return Written(replaced, expiresAt);
                }
                catch (RequestFailedException e) when (e.Status is PreconditionFailedStatus or NotFoundStatus)
                {
                    return await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false);
                }

            default:
                var upserted = await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return Written(upserted, expiresAt);
        }
    }

    public async ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        if (expectedVersion is not null)
        {
            if (EntityLayout.ParseVersion(expectedVersion) is not ({ } etag, var versionExpiry) || versionExpiry <= Now())
            {
                return await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false);
            }

            return await DeleteEntityAsync(key, etag, cancellationToken).ConfigureAwait(false) switch
            {
                NotFoundStatus => WriteResult.NotFound,
                PreconditionFailedStatus => await ExplainFailureAsync(key, cancellationToken).ConfigureAwait(false),
                _ => WriteResult.Written(null),
            };
        }

        // Only a live document may be deleted, which Azure cannot check: read it, then delete that very ETag.
        for (int attempt = 0; attempt < Contention.MaxAttempts; attempt++)
        {
            var current = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (!EntityLayout.IsLiveDocument(current, Now()))
            {
                return WriteResult.NotFound;
            }

            switch (await DeleteEntityAsync(key, current!.ETag, cancellationToken).ConfigureAwait(false))
            {
                case NotFoundStatus:
                    return WriteResult.NotFound;
                case PreconditionFailedStatus:
                    continue; // rewritten in between: look again
                default:
                    return WriteResult.Written(null);
            }
        }

        throw Contention.Exhausted(key);
    }

    /// <summary>
    /// Azure Tables has no atomic increment, so this reads the entity, computes the new counters and replaces the
    /// entity only if its ETag is unchanged (or adds it only if still absent), retrying with jittered back-off when
    /// another writer got there first. Each update costs at least two round trips; under contention on one key the
    /// writers serialise and losers repeat their cycle, so a hot key costs O(writers) extra round trips per update.
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        update.Validate();
        await initializer.EnsureAsync().ConfigureAwait(false);
        for (int attempt = 0; attempt < Contention.MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Contention.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }

            var now = Now();
            var current = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
            bool live = EntityLayout.IsLive(current, now);
            var counters = EntityLayout.ToCounters(current, now);
            update.ApplyTo(counters);

            var entity = EntityLayout.NewEntity(key);
            foreach (var (name, value) in counters)
            {
                entity[EntityLayout.CounterPrefix + name] = value;
            }

            EntityLayout.SetExpiry(entity, update.ExpiresAt ?? (live ? EntityLayout.ReadExpiry(current!) : null));
            try
            {
                if (current is null)
                {
                    await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return counters;
            }
            catch (RequestFailedException e) when (e.Status is ConflictStatus or PreconditionFailedStatus or NotFoundStatus)
            {
                // Another writer changed, created or deleted the entity since the read.
            }
        }

        throw Contention.Exhausted(key);
    }

    public async ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        EntityLayout.ToCounters(await ReadAsync(key, cancellationToken).ConfigureAwait(false), Now());

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        if (items.Count == 0)
        {
            return;
        }

        await initializer.EnsureAsync().ConfigureAwait(false);
        var entities = items.Select(item => EntityLayout.DocumentEntity(item.Key, item.Document, item.ExpiresAt));
        await TransactionBatcher.WriteAsync(client, entities, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await initializer.EnsureAsync().ConfigureAwait(false);
            await foreach (var page in client.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                break;
            }

            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is RequestFailedException))
        {
            return false; // every retry failed to reach the service
        }
    }

    /// <summary>Put-if-absent: add the entity, or replace an expired one the backend still holds (by its ETag).</summary>
    private async ValueTask<WriteResult> AddAsync(ItemKey key, TableEntity entity, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < Contention.MaxAttempts; attempt++)
        {
            try
            {
                var added = await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return Written(added, expiresAt);
            }
            catch (RequestFailedException e) when (e.Status == ConflictStatus)
            {
            }

            var existing = await ReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue; // deleted in between: try adding again
            }

            if (EntityLayout.IsLive(existing, Now()))
            {
                return WriteResult.Conflict;
            }

            try
            {
                var replaced = await client.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return Written(replaced, expiresAt);
            }
            catch (RequestFailedException e) when (e.Status is PreconditionFailedStatus or NotFoundStatus)
            {
                // Someone else replaced or removed the expired entity: decide again.
            }
        }

        throw Contention.Exhausted(key);
    }

    /// <summary>The HTTP status of a delete conditioned on <paramref name="etag"/>: 204, 404 or 412.</summary>
    private async ValueTask<int> DeleteEntityAsync(ItemKey key, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DeleteEntityAsync(KeyEncoding.Encode(key.PartitionKey), KeyEncoding.Encode(key.SortKey), etag, cancellationToken).ConfigureAwait(false);
            return response.Status;
        }
        catch (RequestFailedException e) when (e.Status is PreconditionFailedStatus or NotFoundStatus)
        {
            return e.Status;
        }
    }

    private async ValueTask<TableEntity?> ReadAsync(ItemKey key, CancellationToken cancellationToken)
    {
        await initializer.EnsureAsync().ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(KeyEncoding.Encode(key.PartitionKey), KeyEncoding.Encode(key.SortKey), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>A failed version check: no live document is NotFound, a live one with another version is Conflict.</summary>
    private async ValueTask<WriteResult> ExplainFailureAsync(ItemKey key, CancellationToken cancellationToken) =>
        EntityLayout.IsLiveDocument(await ReadAsync(key, cancellationToken).ConfigureAwait(false), Now()) ? WriteResult.Conflict : WriteResult.NotFound;

    private static WriteResult Written(Response response, DateTimeOffset? expiresAt) =>
        WriteResult.Written(EntityLayout.ToVersion(response.Headers.ETag ?? throw new InvalidOperationException("Azure Tables answered a write without an ETag."), expiresAt));

    private DateTimeOffset Now() => timeProvider.GetUtcNow();
}
