using System.Diagnostics;
using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Benchmarks;

/// <summary>A rough per-stage timing loop (<c>-- --quick</c>) for looking into a regression without a full benchmark run.</summary>
public static class QuickTiming
{
    public static void Run()
    {
        foreach (var tenant in new[] { BenchmarkTenant.Realistic(), BenchmarkTenant.Large() })
        {
            var set = PolicySet.Compile(tenant.Config);
            var state = new InMemoryEntityState();
            EncodedRequest Encode() => RequestEncoder.Encode(RequestEncoder.Parse(SampleRequest.Body).Value!);
            var encoded = Encode();
            var plan = set.Prepare(encoded, SampleRequest.Now);
            var counters = new Dictionary<string, IReadOnlyDictionary<string, long>>();
            foreach (var r in plan.StateRequests)
            {
                counters[r.EntityKey] = new Dictionary<string, long>(r.Add);
            }

            Time(tenant.Name + " encode", () => Encode());
            Time(tenant.Name + " prepare", () => set.Prepare(encoded, SampleRequest.Now));
            Time(tenant.Name + " finish", () => set.Finish(plan, counters));
            Time(tenant.Name + " decide(in-memory)", () => set.Decide(encoded, SampleRequest.Now, state));
        }
    }

    private static void Time(string name, Func<object> action)
    {
        for (var i = 0; i < 2000; i++)
        {
            action();
        }

        const int n = 20000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action();
        }

        Console.WriteLine($"{name,-40} {watch.Elapsed.TotalMicroseconds / n,10:F2} us");
    }
}
