using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// Per-policy results counters, sharded: each decision adds to one of <see cref="ShardCount"/> counter items picked
/// at random, so a busy tenant's decisions do not serialise on one item; reads add the shards up. Beside the totals,
/// each shard keeps per-minute counters in one item per hour (kept 30 days), and the tenant keeps per-minute counts
/// of every decision's final action the same way: charts read counters, never decision records.
/// </summary>
public sealed class ResultsRepository(IKeyValueStore store)
{
    /// <summary>Shards per policy.</summary>
    public const int ShardCount = 8;

    private const string LastMatched = "last_matched_ms";

    /// <summary>
    /// Counts one firing of a policy with its outcome (<c>observe</c>, <c>challenge</c> or <c>block</c>); a dry-run
    /// firing counts under its outcome and also under <c>dry_run</c>.
    /// </summary>
    public async ValueTask RecordAsync(string tenantId, string policyId, string outcome, bool dryRun, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var add = new Dictionary<string, long> { ["total"] = 1, [outcome] = 1 };
        if (dryRun)
        {
            add["dry_run"] = 1;
        }

        var update = new CounterUpdate
        {
            Add = add,
            Set = new Dictionary<string, long> { [LastMatched] = at.ToUnixTimeMilliseconds() },
        };
        var shard = Random.Shared.Next(ShardCount);
        var totals = store.UpdateCountersAsync(StorageKeys.ResultsShard(tenantId, policyId, shard), update, cancellationToken).AsTask();
        var minute = store.UpdateCountersAsync(StorageKeys.ResultsHour(tenantId, policyId, shard, MinuteBuckets.Hour(at)), MinuteBuckets.Add(at, add.Keys), cancellationToken).AsTask();
        await Task.WhenAll(totals, minute).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts one decision's final action (<c>allow</c>, <c>challenge</c> or <c>block</c>) in the tenant's per-minute
    /// traffic counters, whether or not a policy fired: the overview's "is traffic arriving at all".
    /// </summary>
    public async ValueTask RecordDecisionAsync(string tenantId, string action, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await store.UpdateCountersAsync(StorageKeys.TrafficHour(tenantId, Random.Shared.Next(ShardCount), MinuteBuckets.Hour(at)), MinuteBuckets.Add(at, ["total", action]), cancellationToken).ConfigureAwait(false);

    /// <summary>One policy's firings per minute (<c>total</c>, <c>observe</c>, <c>challenge</c>, <c>block</c>, <c>dry_run</c>) from <paramref name="from"/> until <paramref name="to"/>.</summary>
    public ValueTask<IReadOnlyList<MinuteCounts>> TimelineAsync(string tenantId, string policyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        MinuteBuckets.ReadAsync(store, (shard, hour) => StorageKeys.ResultsHour(tenantId, policyId, shard, hour), ShardCount, from, to, cancellationToken);

    /// <summary>The tenant's decisions per minute by final action (<c>total</c>, <c>allow</c>, <c>challenge</c>, <c>block</c>).</summary>
    public ValueTask<IReadOnlyList<MinuteCounts>> TrafficAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        MinuteBuckets.ReadAsync(store, (shard, hour) => StorageKeys.TrafficHour(tenantId, shard, hour), ShardCount, from, to, cancellationToken);

    /// <summary>Reads and adds up every shard of one policy.</summary>
    public async ValueTask<PolicyResults> GetAsync(string tenantId, string policyId, CancellationToken cancellationToken = default)
    {
        var reads = new Task<IReadOnlyDictionary<string, long>>[ShardCount];
        for (var i = 0; i < ShardCount; i++)
        {
            reads[i] = store.GetCountersAsync(StorageKeys.ResultsShard(tenantId, policyId, i), cancellationToken).AsTask();
        }

        var shards = await Task.WhenAll(reads).ConfigureAwait(false);
        long total = 0, observe = 0, challenge = 0, block = 0, dryRun = 0, last = 0;
        foreach (var shard in shards)
        {
            total += shard.GetValueOrDefault("total");
            observe += shard.GetValueOrDefault("observe");
            challenge += shard.GetValueOrDefault("challenge");
            block += shard.GetValueOrDefault("block");
            dryRun += shard.GetValueOrDefault("dry_run");
            last = Math.Max(last, shard.GetValueOrDefault(LastMatched));
        }

        return new PolicyResults(policyId, total, observe, challenge, block, dryRun, last == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(last));
    }
}
