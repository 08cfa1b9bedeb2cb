using System.Diagnostics;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Scale;

/// <summary>
/// Decision time and memory against the number of distinct entity keys held by the embedded store: the store is
/// filled step by step (1, 1k, 100k, 1M keys) and at each step decisions run through the handler and counter
/// updates hit random existing keys. Stops early when the fill budget runs out, and says so.
/// </summary>
internal static class EntityKeyScale
{
    public static async Task<TableResult> RunAsync(string dataDir, bool quick)
    {
        var table = new TableResult("Scale: decision time and memory vs distinct entity keys (embedded store)", "bench/run.sh (scale section)",
            "entity keys", "fill s", "decisions", "decision p50 ms", "decision p99 ms", "counter update p50 ms (existing key)", "process working set MiB", "managed heap MiB", "database MiB");
        table.Description = "SQLite store on local disk with synchronous=normal (so the per-commit sync measured under store round trips does not hide growth), realistic tenant, one decision at a time. Keys are filled straight into the store's tables at the runtime's key layout (two window counters each).";
        var store = StoreFactory.Sqlite(dataDir, SqliteSynchronousMode.Normal, out var dbPath);
        await using var host = await BenchHost.CreateAsync(store, RealisticTenant.Build());
        var driver = new DecisionDriver(host.Handler, host.RuntimeKey, 50_000);
        await driver.RunAsync(200, TimeSpan.FromSeconds(15));
        var entities = new EntityStateRepository(store);
        var fillBudget = Stopwatch.StartNew();
        var filled = 0;
        int[] points = quick ? [1, 1_000, 10_000] : [1, 1_000, 100_000, 1_000_000];
        foreach (var target in points)
        {
            if (fillBudget.Elapsed > TimeSpan.FromSeconds(quick ? 10 : 60))
            {
                table.Note($"Stopped before {target:N0} keys: the fill budget ran out.");
                break;
            }

            var fill = Stopwatch.StartNew();
            SqliteEntityFill.Fill(dbPath, "default", filled, target, DateTimeOffset.UtcNow.AddHours(2));
            filled = target;
            var fillSeconds = fill.Elapsed.TotalSeconds;
            var samples = await driver.RunAsync(quick ? 50 : 300, TimeSpan.FromSeconds(10));
            var updates = await UpdateExistingAsync(entities, filled, quick ? 50 : 300);
            GC.Collect();
            var ms = samples.Select(s => s.Milliseconds).ToList();
            table.Row(target, fillSeconds, samples.Count, Stats.Median(ms), Stats.Percentile(ms, 0.99), Stats.Median(updates),
                Process.GetCurrentProcess().WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0, DatabaseMiB(dbPath));
        }

        table.Note("Entity state lives in the store, not in the process: the managed heap after a full collection stays flat. The working set also holds " +
            "memory the garbage collector keeps after the fill's own allocations (the key lists it builds), so read its growth as an upper bound.");
        return table;
    }

    private static async Task<List<double>> UpdateExistingAsync(EntityStateRepository entities, int keys, int count)
    {
        var random = new Random(5);
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var update = new CounterUpdate { Add = new Dictionary<string, long> { ["wfill000000a_0"] = 1 }, ExpiresAt = DateTimeOffset.UtcNow.AddHours(2) };
            var start = Stopwatch.GetTimestamp();
            await entities.UpdateAsync("default", SqliteEntityFill.EntityKey(random.Next(keys)), update);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static double DatabaseMiB(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length) / 1048576.0;
}
