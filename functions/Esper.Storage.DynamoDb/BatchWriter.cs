using Amazon.DynamoDBv2.Model;

namespace Esper.Storage.DynamoDb;

/// <summary>
/// Writes items with BatchWriteItem: 25 puts per request (DynamoDB's limit), a few requests in parallel, and the
/// UnprocessedItems of each answer sent again after a jittered exponential back-off until none are left.
/// </summary>
internal static class BatchWriter
{
    /// <summary>DynamoDB's limit of write requests per BatchWriteItem call.</summary>
    public const int MaxItemsPerRequest = 25;

    /// <summary>Calls per chunk before giving up; throttling that outlasts this is an outage, not a retryable state.</summary>
    public const int MaxAttempts = 12;

    private const int ParallelRequests = 4;

    public static async Task WriteAsync(
        string tableName,
        IEnumerable<Dictionary<string, AttributeValue>> items,
        Func<BatchWriteItemRequest, CancellationToken, Task<BatchWriteItemResponse>> send,
        CancellationToken cancellationToken,
        Func<int, TimeSpan>? backoff = null)
    {
        backoff ??= Backoff;

        // One request may not name a key twice; the last write of a key is the one that must stick.
        var latest = new Dictionary<(string, string), Dictionary<string, AttributeValue>>();
        foreach (var item in items)
        {
            latest[(item[ItemLayout.PartitionKey].S, item[ItemLayout.SortKey].S)] = item;
        }

        var chunks = latest.Values.Chunk(MaxItemsPerRequest);
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelRequests, CancellationToken = cancellationToken },
            (chunk, token) => new ValueTask(WriteChunkAsync(tableName, chunk, send, backoff, token))).ConfigureAwait(false);
    }

    private static async Task WriteChunkAsync(
        string tableName,
        Dictionary<string, AttributeValue>[] chunk,
        Func<BatchWriteItemRequest, CancellationToken, Task<BatchWriteItemResponse>> send,
        Func<int, TimeSpan> backoff,
        CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, List<WriteRequest>>
        {
            [tableName] = chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).ToList(),
        };

        for (int attempt = 1; ; attempt++)
        {
            var response = await send(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
            var unprocessed = response.UnprocessedItems;
            if (unprocessed is null || !unprocessed.TryGetValue(tableName, out var left) || left is null || left.Count == 0)
            {
                return;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"DynamoDB left {left.Count} batch items unprocessed after {attempt} attempts.");
            }

            pending = new Dictionary<string, List<WriteRequest>> { [tableName] = left };
#pragma warning disable RS0030 // Pacing of calls to the remote service, not product time: it must stay real time even when a test fakes the clock.
            await Task.Delay(backoff(attempt), cancellationToken).ConfigureAwait(false);
#pragma warning restore RS0030
        }
    }

    /// <summary>Full jitter: a random delay up to 50 ms × 2^attempt, capped at 2 s.</summary>
    internal static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(2000, 50 * Math.Pow(2, attempt)) + 1));
}
