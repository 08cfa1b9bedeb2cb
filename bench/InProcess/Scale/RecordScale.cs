using System.Diagnostics;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Scale;

/// <summary>
/// Results queries against the number of decision records stored: records are written with the runtime's own
/// repository (tenant and policy partitions, batched), then both results endpoints are timed through the handler.
/// </summary>
internal static class RecordScale
{
    private const string PolicyId = "p_login";

    public static async Task<TableResult> RunAsync(string dataDir, bool quick)
    {
        var table = new TableResult("Scale: results queries vs decision records stored (embedded store)", "bench/run.sh (scale section)",
            "decision records", "fill s", "queries", "policy results + recent p50 ms", "p99 ms", "all policies results p50 ms", "p99 ms", "database MiB");
        table.Description = $"`GET /api/v1/results/policies/{PolicyId}` (sharded counters + the newest decisions of the policy) and `GET /api/v1/results/policies` " +
            "(every policy's counters) through the handler, with a growing number of decision records of that policy; SQLite with synchronous=normal.";
        var store = StoreFactory.Sqlite(dataDir, SqliteSynchronousMode.Normal, out var dbPath);
        await using var host = await BenchHost.CreateAsync(store, RealisticTenant.Build());
        var repository = new DecisionRepository(store);
        var budget = Stopwatch.StartNew();
        var filled = 0;
        int[] points = quick ? [100, 1_000, 5_000] : [1_000, 10_000, 100_000];
        var firstP50 = double.NaN;
        var lastP50 = double.NaN;
        foreach (var target in points)
        {
            if (budget.Elapsed > TimeSpan.FromSeconds(quick ? 15 : 75))
            {
                table.Note($"Stopped before {target:N0} records: the fill budget ran out.");
                break;
            }

            var fill = Stopwatch.StartNew();
            await FillAsync(store, repository, filled, target);
            filled = target;
            var fillSeconds = fill.Elapsed.TotalSeconds;
            var queries = quick ? 30 : 100;
            var one = await TimeAsync(host, $"/api/v1/results/policies/{PolicyId}", queries);
            var all = await TimeAsync(host, "/api/v1/results/policies", queries);
            table.Row(target, fillSeconds, queries, Stats.Median(one), Stats.Percentile(one, 0.99), Stats.Median(all), Stats.Percentile(all, 0.99),
                new FileInfo(dbPath).Length / 1048576.0 + (File.Exists(dbPath + "-wal") ? new FileInfo(dbPath + "-wal").Length / 1048576.0 : 0));
            firstP50 = double.IsNaN(firstP50) ? Stats.Median(one) : firstP50;
            lastP50 = Stats.Median(one);
        }

        var growth = lastP50 / firstP50;
        table.Check("Results query vs records stored", $"p50 {firstP50:F3} ms at {points[0]:N0} → {lastP50:F3} ms at {filled:N0} records (×{growth:F2})",
            "flat (≤ ×1.5 for ×100 records)", double.IsFinite(growth) ? growth <= 1.5 : null);
        return table;
    }

    private static async Task FillAsync(IKeyValueStore store, DecisionRepository repository, int from, int to)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var batch = new List<BatchItem>(1_000);
        for (var i = from; i < to; i++)
        {
            var record = new DecisionRecord($"dec_fill_{i:D8}", start.AddMilliseconds(i), i % 3 == 0 ? "block" : "allow", PolicyId, "m_block",
                "login brute force", false, [PolicyId], ["a_login"], $"198.18.{i >> 8 & 255}.{i & 255}", "/login");
            DecisionRepository.AddTo(batch, "default", record, DateTimeOffset.UtcNow.AddDays(1));
            if (batch.Count >= 1_000)
            {
                await repository.WriteAsync(batch);
                batch.Clear();
            }
        }

        await repository.WriteAsync(batch);
        // Results counters are aggregates: their size does not grow with records, so one add stands for all of them.
        var results = new ResultsRepository(store);
        await results.RecordAsync("default", PolicyId, "block", false, DateTimeOffset.UtcNow);
    }

    private static async Task<List<double>> TimeAsync(BenchHost host, string path, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var (status, body) = await host.SendAsync("GET", path);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (status != 200)
            {
                throw new InvalidOperationException($"GET {path} answered {status}: {body}");
            }
        }

        return times;
    }
}
