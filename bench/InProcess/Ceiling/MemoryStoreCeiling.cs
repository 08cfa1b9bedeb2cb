using System.Diagnostics;
using Esper.Api.Http;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Bench.MemStoreHost;
using Esper.Bench.Shared;

namespace Esper.Bench.InProcess.Ceiling;

/// <summary>
/// The host's cost per decision when the store costs (almost) nothing: the shared handler composed with
/// <c>AddEsperApi</c> over <see cref="DiagnosticMemoryStore"/>, the realistic tenant and varied bodies, without HTTP.
/// One at a time it gives the process CPU and the bytes allocated per decision (requests built before the clock
/// starts, so only the handler's work counts); with 32 in flight, decisions per second.
/// </summary>
internal static class MemoryStoreCeiling
{
    public static Task<TableResult> RunAsync(int decisions, int rounds) =>
        RunAsync(decisions, rounds, new DiagnosticMemoryStore(TimeProvider.System), "The host without the store's cost (in-process, in-memory diagnostic store)", "inprocess memstore", whatIf: true);

    /// <summary>
    /// The same loop over <paramref name="store"/>: with the embedded store, the process CPU per decision includes its
    /// group commits and its checkpoint thread, so the difference to the in-memory run is the store's CPU per decision,
    /// measured without HTTP or a load generator on the same cores.
    /// </summary>
    public static async Task<TableResult> RunAsync(int decisions, int rounds, Esper.Storage.KeyValue.IKeyValueStore store, string title, string command, bool whatIf)
    {
        var table = new TableResult(title, command,
            "variant", "round", "decisions", "decisions/s", "CPU µs/decision", "allocated B/decision", "log B/decision", "non-200");
        table.Description = "The shared handler as the hosts compose it (AddEsperApi) over a diagnostic in-memory store, the realistic tenant, " +
            "recorded before the answer (the embedded store's default). 'one at a time' runs decisions back to back on one thread; " +
            "'32 in flight' as the HTTP run's connections. Allocations are GC.GetTotalAllocatedBytes over the run, divided by decisions; " +
            "log bytes are the embedded store's write-behind log appends (esper.sqlite.log.bytes), divided by decisions.";
        using var log = new LogBytesListener();
        await using var host = await BenchHost.CreateAsync(store, RealisticTenant.Build());
        var seed = 1;
        if (Environment.GetEnvironmentVariable("CEILING_ONLY") is { Length: > 0 } only)
        {
            // For a profiler attached to this process: one variant, one at a time, repeated (keyed or nokey).
            for (var run = 0; run < rounds; run++)
            {
                var (count, rate, cpu, bytes, logged, bad) = await OneAtATimeAsync(host, log, Requests(host, decisions, only == "keyed", seed++));
                table.Row($"{only}, one at a time", run + 1, count, rate, cpu, bytes, logged, bad);
            }

            return table;
        }

        foreach (var keys in new[] { true, false })
        {
            // Warm-up: JIT tiers and the caches (config, API key) before anything is measured.
            await OneAtATimeAsync(host, log, Requests(host, decisions, keys, seed++));
        }

        // The allocated types of one keyed run, one at a time (sampled by the runtime's allocation ticks).
        using (var sampler = new AllocationSampler())
        {
            var requests = Requests(host, decisions, true, seed++);
            sampler.Start();
            await OneAtATimeAsync(host, log, requests);
            sampler.Stop();
            foreach (var (type, share) in sampler.Top(25))
            {
                table.Note($"allocated (keyed, sampled): {share:P1} {type}");
            }
        }

        if (!whatIf)
        {
            // The embedded store: what a decision costs it in SQLite statements and checkpoint items, counted over one
            // run per variant (one at a time) after the warm-up, with its last checkpoint included.
            foreach (var keys in new[] { true, false })
            {
                var requests = Requests(host, decisions, keys, seed++);
                // The aged variant wraps the embedded store: its checkpoints are the inner store's.
                var sqlite = ((store as AgedHourItemsStore)?.Inner ?? store) as Esper.Storage.Sqlite.SqliteKeyValueStore;
                sqlite?.Checkpoint();
                using var counter = new StatementCounter();
                await OneAtATimeAsync(host, log, requests);
                sqlite?.Checkpoint();
                foreach (var line in counter.Describe(keys ? "idempotency key" : "no key", decisions))
                {
                    table.Note(line);
                }
            }
        }

        if (store is AgedHourItemsStore aged)
        {
            table.Note($"aged hour items: {aged.AgedItems}, {aged.AddedCounters} counters added before the rounds (mean {aged.AddedCounters / Math.Max(1, aged.AgedItems)} per item)");
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var keys in new[] { true, false })
            {
                var name = keys ? "idempotency key" : "no key";
                var (count, rate, cpu, bytes, logged, bad) = await OneAtATimeAsync(host, log, Requests(host, decisions, keys, seed++));
                table.Row($"{name}, one at a time", round, count, rate, cpu, bytes, logged, bad);
                (count, rate, cpu, bytes, logged, bad) = await InFlightAsync(host, log, Requests(host, decisions, keys, seed++), 32);
                table.Row($"{name}, 32 in flight", round, count, rate, cpu, bytes, logged, bad);
            }
        }

        if (!whatIf)
        {
            return table;
        }

        // What-if (not a product setting the bench host uses): the same without writing decision records, which
        // attributes the records' share of the cost (EsperApiOptions.RecordDecisions, an embedder's option).
        await using var unrecorded = await BenchHost.CreateAsync(new DiagnosticMemoryStore(TimeProvider.System), RealisticTenant.Build(), configure: static o => o.RecordDecisions = false);
        await OneAtATimeAsync(unrecorded, log, Requests(unrecorded, decisions, true, seed++));
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var keys in new[] { true, false })
            {
                var (count, rate, cpu, bytes, logged, bad) = await OneAtATimeAsync(unrecorded, log, Requests(unrecorded, decisions, keys, seed++));
                table.Row($"{(keys ? "idempotency key" : "no key")}, one at a time, records off (what-if)", round, count, rate, cpu, bytes, logged, bad);
            }
        }

        return table;
    }

    private static ApiRequest[] Requests(BenchHost host, int count, bool idempotencyKeys, int seed)
    {
        var bodies = new BodyFactory(50_000, idempotencyKeys);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new ApiRequest
        {
            Method = "POST",
            Path = "/api/v1/runtime/mitigation",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["x-esper-api-key"] = host.RuntimeKey,
                ["content-type"] = "application/json",
                ["host"] = "127.0.0.1",
            },
            Body = bodies.Next(random),
            RemoteIp = "127.0.0.1",
        })];
    }

    private static async Task<(int Count, double Rate, double CpuMicros, long Bytes, long LogBytes, int Bad)> OneAtATimeAsync(BenchHost host, LogBytesListener log, ApiRequest[] requests)
    {
        var bad = 0;
        var (cpu, bytes, logged, started) = Begin(log);
        foreach (var request in requests)
        {
            bad += (await host.Handler.HandleAsync(request)).StatusCode == 200 ? 0 : 1;
        }

        return End(requests.Length, log, cpu, bytes, logged, started, bad);
    }

    private static async Task<(int Count, double Rate, double CpuMicros, long Bytes, long LogBytes, int Bad)> InFlightAsync(BenchHost host, LogBytesListener log, ApiRequest[] requests, int inFlight)
    {
        var next = -1;
        var bad = 0;
        var (cpu, bytes, logged, started) = Begin(log);
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
            {
                if ((await host.Handler.HandleAsync(requests[i])).StatusCode != 200)
                {
                    Interlocked.Increment(ref bad);
                }
            }
        })));
        return End(requests.Length, log, cpu, bytes, logged, started, bad);
    }

    private static (TimeSpan Cpu, long Bytes, long LogBytes, long Started) Begin(LogBytesListener log)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), log.Bytes, Stopwatch.GetTimestamp());
    }

    private static (int Count, double Rate, double CpuMicros, long Bytes, long LogBytes, int Bad) End(int count, LogBytesListener log, TimeSpan cpuBefore, long bytesBefore, long logBefore, long started, int bad)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return (count, Math.Round(count / elapsed, 0), Math.Round(cpu.TotalMicroseconds / count, 1), bytes / count, (log.Bytes - logBefore) / count, bad);
    }
}
