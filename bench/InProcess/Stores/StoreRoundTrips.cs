using System.Diagnostics;
using System.Globalization;
using Esper.Api;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Storage.KeyValue;

namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// Decision latency through the shared handler with every store call delayed by a fixed round trip (5 ms), per
/// store, one decision at a time; with the store calls each decision made and the sequential round trips on its
/// critical path (calls finished before the response, parallel calls counted once).
/// </summary>
internal static class StoreRoundTrips
{
    private static readonly TimeSpan Injected = TimeSpan.FromMilliseconds(5);
    private static readonly RecordingMode[] Modes = [RecordingMode.BeforeAnswer, RecordingMode.AfterAnswer];
    private static readonly bool[] Keyed = [false, true];

    public static async Task<TableResult> RunAsync(IReadOnlyList<(string Name, Func<IKeyValueStore> Create)> stores, bool quick)
    {
        var table = new TableResult("Store round trips: decision latency with 5 ms injected per store call", "bench/run.sh (stores section)",
            "store", "injected ms", "decisions", "p50 ms", "p90 ms", "p99 ms", "store calls / decision", "sequential round trips (p50 / max)", "waiting on store p50 ms", "bare store call p50 ms", "non-200");
        table.Description = "The realistic tenant; the shared handler composed as the hosts compose it; one decision at a time; each store call " +
            "is delayed 5 ms on top of the store's own time (a cloud round trip). Each store runs in both recording modes (ESPER_RECORDING): " +
            "before_answer writes the records before answering, after_answer (the cloud stores' default) right after, with a journal entry " +
            "in the counter round. Requests with an idempotency key claim it before counting (one more round). " +
            "Target: p50 < 5 ms + 1.5 ms (one round trip on the critical path).";
        var decisions = quick ? 40 : 150;
        var runs = from s in stores
                   from recording in Modes
                   from keyed in Keyed
                   select (s.Name, s.Create, recording, keyed);
        foreach (var (storeName, create, recording, keyed) in runs)
        {
            var name = $"{storeName}, {(recording == RecordingMode.AfterAnswer ? "after_answer" : "before_answer")}, {(keyed ? "idempotency key" : "no key")}";
            try
            {
                var store = new LatencyStore(create());
                await using var host = await BenchHost.CreateAsync(store, RealisticTenant.Build(), recording);
                var driver = new DecisionDriver(host.Handler, host.RuntimeKey, 50_000, idempotencyKeys: keyed);
                await driver.RunAsync(quick ? 20 : 100, TimeSpan.FromSeconds(20));
                var bare = await BareCallAsync(store.Inner, quick ? 50 : 200);
                DecisionSample[]? injected = null;
                foreach (var latency in new[] { TimeSpan.Zero, Injected })
                {
                    store.Latency = latency;
                    var samples = await driver.RunAsync(decisions, TimeSpan.FromSeconds(quick ? 10 : 25));
                    var ms = samples.Select(s => s.Milliseconds).ToList();
                    var trips = samples.Select(s => (double)s.SequentialRoundTrips).ToList();
                    table.Row(name, latency.TotalMilliseconds, samples.Count, Stats.Median(ms), Stats.Percentile(ms, 0.9), Stats.Percentile(ms, 0.99),
                        Stats.Median(samples.Select(s => (double)s.CallsBeforeResponse).ToList()),
                        string.Create(CultureInfo.InvariantCulture, $"{Stats.Median(trips):F0} / {trips.Max():F0}"),
                        Stats.Median(samples.Select(s => s.StoreMilliseconds).ToList()), bare,
                        samples.Count(s => s.Status != 200));
                    if (latency > TimeSpan.Zero)
                    {
                        injected = [.. samples];
                        var p50 = Stats.Median(ms);
                        table.Check($"Decision p50 with 5 ms store latency ({name})", string.Create(CultureInfo.InvariantCulture, $"{p50:F2} ms, {Stats.Median(trips):F0} sequential round trips"),
                            "< 6.5 ms (1 round trip)", p50 < 6.5);
                    }
                }

                if (injected is { Length: > 0 })
                {
                    table.Note($"{name}: critical path of a typical decision: {await DescribePathAsync(driver)}");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                table.Row(name, 5, 0, null, null, null, null, null, null, null, null);
                table.Note($"{name}: failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }

        return table;
    }

    /// <summary>One counter update on the bare store (no injection): the store's own round trip here.</summary>
    private static async Task<double> BareCallAsync(IKeyValueStore store, int count)
    {
        var times = new List<double>(count);
        var update = new CounterUpdate { Add = new Dictionary<string, long> { ["n"] = 1 }, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) };
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await store.UpdateCountersAsync(new ItemKey("bench#probe", $"k{i % 16}"), update);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Stats.Median(times);
    }

    /// <summary>The calls of one decision as "operation start–end ms", in start order.</summary>
    private static async Task<string> DescribePathAsync(DecisionDriver driver)
    {
        await driver.DecideAsync();
        var (trace, start, end) = driver.Last;
        await Task.Delay(100); // let writes the response did not wait for finish, so they show up as such
        string Ms(long t) => (Stopwatch.GetElapsedTime(start, t).TotalMilliseconds).ToString("F1", CultureInfo.InvariantCulture);
        var parts = trace.Calls.OrderBy(c => c.Start).Select(c => $"{c.Operation} {Ms(c.Start)}–{Ms(c.End)}{(c.End > end ? " (after response)" : "")}");
        return $"response at {Ms(end)} ms; " + string.Join(", ", parts);
    }
}
