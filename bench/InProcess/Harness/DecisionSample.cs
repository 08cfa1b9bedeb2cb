namespace Esper.Bench.InProcess.Harness;

/// <summary>One decision as measured in-process: time to the response, the store calls it waited for, and the part of its time spent waiting on the store.</summary>
internal readonly record struct DecisionSample(double Milliseconds, int Status, int CallsBeforeResponse, int SequentialRoundTrips, double StoreMilliseconds);
