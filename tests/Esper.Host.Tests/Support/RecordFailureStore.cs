using Esper.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.Support;

/// <summary>
/// An <see cref="IKeyValueStore"/> decorator that can make every write of a decision's records fail (decision
/// records, results counters, the journal entry's deletion), standing in for a process that dies right after
/// answering: a real crash cannot be timed to land in that gap.
/// </summary>
internal sealed class RecordFailureStore(IKeyValueStore inner) : IKeyValueStore
{
    /// <summary>
    /// Starts a host that records after the answer (rate limit off) over the store <paramref name="create"/> builds,
    /// registered as both this decorator and the host's <see cref="IKeyValueStore"/>.
    /// </summary>
    public static EsperHost StartHost(Func<IServiceProvider, RecordFailureStore> create) => EsperHost.Start(services: services =>
    {
        services.AddSingleton(create);
        services.AddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<RecordFailureStore>());
        services.AddSingleton(new EsperApiOptions { Recording = RecordingMode.AfterAnswer, RateLimitPerMinute = 0 });
    });

    /// <summary>While true, writes to decision, results and journal partitions throw (but for the journal's watermark).</summary>
    public bool FailRecords { get; set; }

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    /// <summary>How many journal entries queries have returned so far.</summary>
    public int JournalEntriesRead => _journalEntriesRead;

    private int _journalEntriesRead;

    public bool RemovesExpiredItemsFreely => inner.RemovesExpiredItemsFreely;

    public async ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var items = await inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken).ConfigureAwait(false);
        if (partitionKey.EndsWith("#journal", StringComparison.Ordinal))
        {
            Interlocked.Add(ref _journalEntriesRead, items.Count);
        }

        return items;
    }

    /// <summary>Runs before each journal entry is written (a test makes the write land late with it).</summary>
    public Action? BeforeJournalWrite { get; set; }

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        if (key.PartitionKey.EndsWith("#journal", StringComparison.Ordinal))
        {
            BeforeJournalWrite?.Invoke();
        }

        return inner.PutAsync(key, document, condition, expiresAt, cancellationToken);
    }

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Fails(key.PartitionKey) ? ValueTask.FromException<WriteResult>(Gone()) : inner.DeleteAsync(key, expectedVersion, cancellationToken);

    // The journal's only counter item is the sweep's watermark, which is not a record write: it keeps working.
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        Fails(key.PartitionKey) && !key.PartitionKey.EndsWith("#journal", StringComparison.Ordinal)
            ? ValueTask.FromException<IReadOnlyDictionary<string, long>>(Gone())
            : inner.UpdateCountersAsync(key, update, cancellationToken);

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        inner.GetCountersAsync(key, cancellationToken);

    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) =>
        items.Any(i => Fails(i.Key.PartitionKey)) ? ValueTask.FromException(Gone()) : inner.BatchPutAsync(items, cancellationToken);

    private bool Fails(string partitionKey) =>
        FailRecords && (partitionKey.EndsWith("#decisions", StringComparison.Ordinal) || partitionKey.Contains("#results#", StringComparison.Ordinal) || partitionKey.EndsWith("#journal", StringComparison.Ordinal));

    /// <summary>When true, the failures are network failures (a store outage) rather than I/O errors (a defect).</summary>
    public bool FailAsOutage { get; set; }

    private Exception Gone() => FailAsOutage ? new HttpRequestException("The store is unreachable (test).") : new IOException("The store went away (test).");

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
