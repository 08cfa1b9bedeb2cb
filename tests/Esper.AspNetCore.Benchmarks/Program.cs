using BenchmarkDotNet.Running;
using Esper.AspNetCore.Benchmarks;

// `--allocations [n]`: a quick bytes-per-request check (see AllocationProbe); anything else goes to BenchmarkDotNet.
if (args is ["--allocations", ..])
{
    await AllocationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
