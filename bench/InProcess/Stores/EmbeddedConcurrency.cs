using System.Diagnostics;
using System.Globalization;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// In-process decisions per second on the embedded store with 32 decisions in flight (the HTTP run's connection
/// count, without HTTP): the store as the hosts configure it, and what-if variants (commit sync mode, one writer at a
/// time) that locate the HTTP gap.
/// </summary>
internal static class EmbeddedConcurrency
{
    private static int _runs;

    public static async Task<TableResult> RunAsync(string dataDir, bool quick)
    {
        var table = new TableResult("Embedded store under concurrency: what the HTTP gap is made of (in-process, 32 in flight)", "bench/run.sh (stores section)",
            "variant", "decisions", "decisions/s", "p50 ms", "p99 ms", "CPU µs/decision", "non-200");
        table.Description = "The shared handler over SQLite with 32 concurrent decisions and no HTTP. The third row is the store as the hosts " +
            "configure it (synchronous=normal, write-behind: answered after the log append); the first is the stricter synchronous=full " +
            "setting; 'direct writes' rows set WriteBehind = false (each group commits its SQLite transaction before it is answered, the " +
            "store before item 10), and the row with one writer at a time is a bench-side what-if, not a product setting.";
        var seconds = quick ? 2 : 5;
        var variants = new (string Name, SqliteSynchronousMode Mode, bool WriteBehind, bool Serialize)[]
        {
            ("synchronous=full, write-behind", SqliteSynchronousMode.Full, true, false),
            ("synchronous=full, direct writes", SqliteSynchronousMode.Full, false, false),
            ("as configured: synchronous=normal, write-behind", SqliteSynchronousMode.Normal, true, false),
            ("synchronous=normal, direct writes", SqliteSynchronousMode.Normal, false, false),
            ("synchronous=normal, direct writes, one writer at a time", SqliteSynchronousMode.Normal, false, true),
        };
        foreach (var (name, mode, writeBehind, serialize) in variants)
        {
            Directory.CreateDirectory(dataDir);
            var options = new SqliteStoreOptions { Path = Path.Combine(dataDir, $"bench-{Guid.NewGuid():N}.db"), Synchronous = mode, WriteBehind = writeBehind };
            IKeyValueStore store = new SqliteKeyValueStore(options, TimeProvider.System);
            store = serialize ? new SerializedWritesStore(store) : store;
            await using var host = await BenchHost.CreateAsync(store, RealisticTenant.Build());
            await RunAsync(host, 1);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (count, perSecond, p50, p99, bad) = await RunAsync(host, seconds);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            // Process CPU time per decision: steadier than the rate on a shared machine (time waiting for a core is left out).
            table.Row(name, count, perSecond, p50, p99, Math.Round(cpu.TotalMicroseconds / Math.Max(1, count), 0), bad);
        }

        return table;
    }

    private static async Task<(int Count, double PerSecond, double P50, double P99, int Bad)> RunAsync(BenchHost host, double seconds)
    {
        const int InFlight = 32;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();

        // Seeds of their own per run: the same seeds would send the warm-up's idempotency keys again (answers replayed).
        var run = Interlocked.Increment(ref _runs);
        var workers = Enumerable.Range(0, InFlight).Select(w => Task.Run(async () =>
        {
            var driver = new DecisionDriver(host.Handler, host.RuntimeKey, 50_000, seed: 100 + w + 1000 * run);
            var samples = new List<DecisionSample>();
            while (Stopwatch.GetTimestamp() < deadline && samples.Count < 100_000)
            {
                samples.Add(await driver.DecideAsync());
            }

            return samples;
        })).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(s => s).ToList();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var ms = all.Select(s => s.Milliseconds).ToList();
        return (all.Count, Math.Round(all.Count / elapsed, 1), Stats.Median(ms), Stats.Percentile(ms, 0.99), all.Count(s => s.Status != 200));
    }
}
