using System.Diagnostics;
using Esper.Core.Engine;
using Esper.Core.Fields;

namespace Esper.Benchmarks;

/// <summary>
/// Runs parse + encode + decide for the realistic tenant in a loop for a given time (<c>-- --loop SECONDS</c>), so a
/// sampling profiler (perf with <c>DOTNET_PerfMapEnabled=1</c>, or dotnet-trace) can attach to a steady workload;
/// <c>-- --loop SECONDS read</c> runs only the one-pass read of the body.
/// </summary>
public static class ProfileLoop
{
    public static void Run(int seconds, bool readOnly)
    {
        var set = PolicySet.Compile(BenchmarkTenant.Realistic().Config);
        var state = new InMemoryEntityState();
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            for (var i = 0; i < 1000; i++)
            {
                if (readOnly)
                {
                    SampleRequest.Read();
                    continue;
                }

                set.Decide(RequestEncoder.Encode(SampleRequest.Read()), SampleRequest.Now, state);
            }

            n += 1000;
        }

        Console.WriteLine($"{n} decisions, {watch.Elapsed.TotalMicroseconds / n:F2} us each (wall)");
    }
}
