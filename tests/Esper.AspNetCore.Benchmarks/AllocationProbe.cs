namespace Esper.AspNetCore.Benchmarks;

/// <summary>
/// A quick check of bytes allocated per request, without BenchmarkDotNet's long runs: the same three operations,
/// run one after another, with the process-wide allocation counter read around them. Use it while working on the
/// connector; the README's figures come from the BenchmarkDotNet run.
/// </summary>
internal static class AllocationProbe
{
    public static async Task RunAsync(int iterations)
    {
        var benchmarks = new MiddlewareBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            await MeasureAsync("app without UseEsper()", benchmarks.Bare, iterations);
            await MeasureAsync("app with UseEsper() (Esper stubbed)", benchmarks.Protected, iterations);
            await MeasureAsync("IEsperClient.DecideAsync alone (Esper stubbed)", benchmarks.ClientOnly, iterations);
        }
        finally
        {
            await benchmarks.CleanupAsync();
        }
    }

    private static async Task MeasureAsync(string name, Func<Task> operation, int iterations)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            await operation();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < iterations; i++)
        {
            await operation();
        }

        var perOperation = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)iterations;
        Console.WriteLine($"{name}: {perOperation / 1024:F2} KB per operation ({iterations} operations)");
    }
}
