using Azure;
using Azure.Data.Tables;

namespace Esper.Storage.AzureTables;

/// <summary>
/// Deletes expired entities. Azure Tables has no TTL: the store hides expired entities from every read but never
/// removes them, so a periodic job (e.g. a timer-triggered function) calls this to keep the table from growing.
/// </summary>
public static class AzureTablesExpirySweeper
{
    private const int ParallelDeletes = 8;

    /// <summary>
    /// Scans the table for entities whose <c>expires_at_ms</c> is at or before now and deletes each one by its
    /// ETag, so an entity rewritten since the scan (and so possibly live again) is left alone. Returns how many
    /// entities were deleted. The scan reads the whole table's expired range; run it off-peak.
    /// </summary>
    public static async Task<int> DeleteExpiredAsync(TableClient client, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        long now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        string filter = TableClient.CreateQueryFilter($"expires_at_ms le {now}");
        var expired = client.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        int deleted = 0;
        await Parallel.ForEachAsync(
            expired,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
            async (entity, token) =>
            {
                try
                {
                    var response = await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, token).ConfigureAwait(false);
                    if (response.Status != 404)
                    {
                        Interlocked.Increment(ref deleted);
                    }
                }
                catch (RequestFailedException e) when (e.Status is 404 or 412)
                {
                    // Gone already, or rewritten since the scan.
                }
            }).ConfigureAwait(false);

        return deleted;
    }
}
