namespace Esper.Bench.InProcess.Harness;

/// <summary>One decision as measured in-process: time to the response, store calls made before and after it.</summary>
internal readonly record struct DecisionSample(double Milliseconds, int Status, int CallsBeforeResponse, int SequentialRoundTrips);
