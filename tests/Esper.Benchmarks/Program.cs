using BenchmarkDotNet.Running;
using Esper.Benchmarks;

if (args is ["--quick"])
{
    QuickTiming.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
