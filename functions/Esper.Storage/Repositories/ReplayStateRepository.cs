using System.Text.Json;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// A replay job's window state between chunks: one document per entity key in the job's own partition. The engine's
/// expiries are in replay time (the recorded events' time), so they live in the document; the item itself expires
/// with the job.
/// </summary>
public sealed class ReplayStateRepository(IKeyValueStore store)
{
    /// <summary>The saved state of each entity key that has some (in parallel: one round trip).</summary>
    public async ValueTask<IReadOnlyDictionary<string, ReplayStateItem>> GetManyAsync(string tenantId, string jobId, IReadOnlyCollection<string> entityKeys, CancellationToken cancellationToken = default)
    {
        var partition = StorageKeys.ReplayStatePartition(tenantId, jobId);
        var keys = entityKeys.ToArray();
        var reads = keys.Select(k => store.GetAsync(new ItemKey(partition, k), cancellationToken).AsTask()).ToArray();
        await Task.WhenAll(reads).ConfigureAwait(false);
        var found = new Dictionary<string, ReplayStateItem>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            if (reads[i].Result is { } item)
            {
                found[keys[i]] = JsonSerializer.Deserialize(item.Document, StorageJsonContext.Default.ReplayStateItem)!;
            }
        }

        return found;
    }

    /// <summary>Writes the state of every given entity key.</summary>
    public ValueTask PutManyAsync(string tenantId, string jobId, IReadOnlyDictionary<string, ReplayStateItem> items, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var partition = StorageKeys.ReplayStatePartition(tenantId, jobId);
        var batch = items.Select(p => new BatchItem(new ItemKey(partition, p.Key), JsonSerializer.Serialize(p.Value, StorageJsonContext.Default.ReplayStateItem), expiresAt)).ToList();
        return batch.Count == 0 ? ValueTask.CompletedTask : store.BatchPutAsync(batch, cancellationToken);
    }
}
