using BenchmarkDotNet.Running;
using Esper.Benchmarks;

if (args is ["--quick"])
{
    QuickTiming.Run();
    return;
}

if (args is ["--loop", var seconds, ..])
{
    ProfileLoop.Run(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), readOnly: args is [_, _, "read"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
