using System.Diagnostics;
using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Benchmarks;

/// <summary>A rough per-stage timing loop (<c>-- --quick</c>) for looking into a regression without a full benchmark run.</summary>
public static class QuickTiming
{
    public static void Run()
    {
        var bytes = new byte[160];
        var hash = new byte[32];
        Time("sha256 of 160 bytes", () => System.Security.Cryptography.SHA256.HashData(bytes, hash));

        foreach (var tenant in new[] { BenchmarkTenant.Realistic(), BenchmarkTenant.Large() })
        {
            var set = PolicySet.Compile(tenant.Config);
            var state = new InMemoryEntityState();
            EncodedRequest Encode() => RequestEncoder.Encode(SampleRequest.Read());
            var encoded = Encode();
            var plan = set.Prepare(encoded, SampleRequest.Now);
            var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>();
            foreach (var r in plan.StateRequests)
            {
                counters[r.EntityKey] = new Dictionary<string, long>(r.Add);
            }

            var parsed = SampleRequest.Read();
            Time(tenant.Name + " read (bytes, one pass)", SampleRequest.Read);
            Time(tenant.Name + " parse (bytes, document)", SampleRequest.ParseDocument);
            Time(tenant.Name + " parse (element only)", () => RequestEncoder.Parse(SampleRequest.Body));
            Time(tenant.Name + " encode (parsed)", () => RequestEncoder.Encode(parsed));
            Time(tenant.Name + " encode", () => Encode());
            Time(tenant.Name + " prepare", () => set.Prepare(encoded, SampleRequest.Now));
            Time(tenant.Name + " finish", () => set.Finish(plan, counters));
            Time(tenant.Name + " prepare+finish", () => set.Finish(set.Prepare(encoded, SampleRequest.Now), counters));
            Time(tenant.Name + " decide(in-memory)", () => set.Decide(encoded, SampleRequest.Now, state));
            Time(tenant.Name + " read+encode+decide", () => set.Decide(Encode(), SampleRequest.Now, state));
            Time(tenant.Name + " document+encode+decide", () => set.Decide(RequestEncoder.Encode(SampleRequest.ParseDocument()), SampleRequest.Now, state));
        }
    }

    /// <summary>
    /// Prints wall time and process CPU time per operation. On a machine shared with other work the CPU time is
    /// the steadier figure: it leaves out the time the process waited for a core.
    /// </summary>
    private static void Time(string name, Func<object> action)
    {
        // Long enough for tiered compilation to reach its optimised code before measuring.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < TimeSpan.FromSeconds(2))
        {
            action();
        }

        const int n = 50_000;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action();
        }

        watch.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / n;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{name,-34} wall {watch.Elapsed.TotalMicroseconds / n,9:F2} us   cpu {cpu.TotalMicroseconds / n,9:F2} us   {bytes,6} B");
    }
}
