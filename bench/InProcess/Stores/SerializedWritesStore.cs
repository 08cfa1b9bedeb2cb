using Esper.Storage.KeyValue;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// Lets one write at a time reach the wrapped store (reads pass through). Bench-only what-if: with the embedded
/// store, concurrent write transactions on separate connections contend for SQLite's single write lock and back off
/// in SQLite's busy handler (sleeps of 1 to 100 ms); queueing writes in-process instead shows what a single-writer
/// store would gain.
/// </summary>
internal sealed class SerializedWritesStore(IKeyValueStore inner) : IKeyValueStore, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken);

    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        WriteAsync(() => inner.PutAsync(key, document, condition, expiresAt, cancellationToken));

    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        WriteAsync(() => inner.DeleteAsync(key, expectedVersion, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        WriteAsync(() => inner.UpdateCountersAsync(key, update, cancellationToken));

    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) => inner.GetCountersAsync(key, cancellationToken);

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default) =>
        await WriteAsync(async () =>
        {
            await inner.BatchPutAsync(items, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public void Dispose() => _writer.Dispose();

    private async ValueTask<T> WriteAsync<T>(Func<ValueTask<T>> write)
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }
}
