namespace Esper.Bench.InProcess.Stores;

/// <summary>One store call as seen by the tracing decorator (stopwatch ticks).</summary>
internal readonly record struct StoreCall(string Operation, long Start, long End);
