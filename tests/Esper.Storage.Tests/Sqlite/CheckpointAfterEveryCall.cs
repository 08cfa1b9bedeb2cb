using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Storage.Tests.Sqlite;

/// <summary>A write-behind store that checkpoints after every call, so each call meets a freshly written database.</summary>
internal sealed class CheckpointAfterEveryCall(SqliteKeyValueStore store) : IKeyValueStore, IDisposable
{
    public async ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        After(await store.GetAsync(key, cancellationToken));

    public async ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        After(await store.QueryAsync(partitionKey, sortKeyPrefix, options, cancellationToken));

    public async ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default) =>
        After(await store.PutAsync(key, document, condition, expiresAt, cancellationToken));

    public async ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        After(await store.DeleteAsync(key, expectedVersion, cancellationToken));

    public async ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default) =>
        After(await store.UpdateCountersAsync(key, update, cancellationToken));

    public async ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default) =>
        After(await store.GetCountersAsync(key, cancellationToken));

    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        await store.BatchPutAsync(items, cancellationToken);
        store.Checkpoint();
    }

    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default) => store.PingAsync(cancellationToken);

    public void Dispose() => store.Dispose();

    private T After<T>(T result)
    {
        store.Checkpoint();
        return result;
    }
}
