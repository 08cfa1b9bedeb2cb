using System.Diagnostics;
using System.Text.Json;
using Esper.Bench.InProcess.Harness;
using Esper.Bench.InProcess.Tenant;
using Esper.Bench.Shared;
using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Bench.InProcess.Scale;

/// <summary>
/// Engine cost against policy count, without I/O: parse + encode + prepare + finish of one runtime body, with the
/// engine's in-memory state standing in for the store. Measured as the mean of timed batches after a warm-up.
/// </summary>
internal static class EnginePolicyScale
{
    public static TableResult Run(int[] counts, TimeSpan budgetPerPoint)
    {
        var table = new TableResult("Scale: engine decision time vs policy count (no I/O)", "bench/run.sh (scale section)",
            "policies", "clauses", "compile ms", "decisions timed", "mean µs", "p50 µs (batch)", "p99 µs (batch)", "process CPU µs/decision", "allocated B/decision");
        table.Description = "`RequestEncoder.Parse` (of an already parsed JSON body) + encode + prepare + finish of one varied runtime body through `PolicySet`, state in the engine's in-memory provider. " +
            "One in ten generated policies matches all traffic, one in fifty counts a window. Process CPU time per decision is the steadier figure on a shared machine (it leaves out time spent waiting for a core).";
        foreach (var count in counts)
        {
            var tenant = GeneratedTenant.Build(count);
            var compileStart = Stopwatch.GetTimestamp();
            var set = PolicySet.Compile(new TenantConfig
            {
                Version = "bench",
                Actions = tenant.Actions,
                Entities = tenant.Entities,
                Mitigations = tenant.Mitigations,
                Policies = tenant.Policies,
            });
            var compileMs = Stopwatch.GetElapsedTime(compileStart).TotalMilliseconds;
            if (set.Problems.Count > 0)
            {
                table.Note($"{count} policies: {set.Problems.Count} compile problems, first: {set.Problems[0]}");
            }

            var bodies = new BodyFactory(50_000);
            var random = new Random(3);
            var docs = Enumerable.Range(0, 512).Select(_ => JsonDocument.Parse(bodies.Next(random))).ToArray();
            var state = new InMemoryEntityState();
            var now = DateTimeOffset.UnixEpoch.AddDays(20_000);

            void One(int i)
            {
                var parsed = RequestEncoder.Parse(docs[i % docs.Length].RootElement);
                var encoded = RequestEncoder.Encode(parsed.Value!);
                set.Decide(encoded, now, state);
            }

            for (var i = 0; i < 2_000; i++)
            {
                One(i);
            }

            const int Batch = 200;
            var batchMeans = new List<double>();
            var deadline = Stopwatch.GetTimestamp() + (long)(budgetPerPoint.TotalSeconds * Stopwatch.Frequency);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var n = 0;
            while (Stopwatch.GetTimestamp() < deadline && n < 2_000_000)
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < Batch; i++)
                {
                    One(n + i);
                }

                batchMeans.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / Batch);
                n += Batch;
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)n;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / n;
            foreach (var d in docs)
            {
                d.Dispose();
            }

            table.Row(count, tenant.ClauseCount, compileMs, n, batchMeans.Average(), Stats.Median(batchMeans), Stats.Percentile(batchMeans, 0.99), cpu, Math.Round(allocated));
        }

        return table;
    }
}
