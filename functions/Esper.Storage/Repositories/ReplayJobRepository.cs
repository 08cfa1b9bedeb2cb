using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Replay job documents, one item per job in the tenant's replay partition. Every change is an if-version write, so
/// two processes continuing the same job never both apply a chunk. Jobs expire with their retention.
/// </summary>
public sealed class ReplayJobRepository(IKeyValueStore store)
{
    /// <summary>Creates a job; false when the id is taken.</summary>
    public async ValueTask<bool> CreateAsync(string tenantId, string jobId, string document, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        (await store.PutAsync(StorageKeys.ReplayJob(tenantId, jobId), document, WriteCondition.IfAbsent, expiresAt, cancellationToken).ConfigureAwait(false)).Succeeded;

    /// <summary>One job's document and version, or null.</summary>
    public ValueTask<StoredItem?> GetAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        store.GetAsync(StorageKeys.ReplayJob(tenantId, jobId), cancellationToken);

    /// <summary>Replaces a job's document only at <paramref name="version"/>.</summary>
    public ValueTask<WriteResult> ReplaceAsync(string tenantId, string jobId, string document, string version, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        store.PutAsync(StorageKeys.ReplayJob(tenantId, jobId), document, WriteCondition.IfVersion(version), expiresAt, cancellationToken);

    /// <summary>The newest jobs, newest first.</summary>
    public ValueTask<IReadOnlyList<StoredItem>> ListAsync(string tenantId, int limit, CancellationToken cancellationToken = default) =>
        store.QueryAsync(StorageKeys.ReplayJobPartition(tenantId), "", new QueryOptions(limit, Descending: true), cancellationToken);
}
