using System.Diagnostics;
using Esper.Api.Http;
using Esper.Bench.InProcess.Stores;
using Esper.Bench.Shared;

namespace Esper.Bench.InProcess.Harness;

/// <summary>
/// Sends runtime decisions through the shared handler exactly as a host would (no HTTP), one at a time, and
/// measures each with the store calls it made (from the tracing store decorator).
/// </summary>
internal sealed class DecisionDriver(IApiHandler handler, string runtimeKey, int distinctIps, int seed = 11, bool idempotencyKeys = true)
{
    private readonly BodyFactory _bodies = new(distinctIps, idempotencyKeys);
    private readonly Random _random = new(seed);

    /// <summary>The calls, start and end of the last decision (for describing its critical path).</summary>
    public (CallTrace Trace, long Start, long End) Last { get; private set; }

    public async Task<DecisionSample> DecideAsync(byte[]? body = null)
    {
        var request = new ApiRequest
        {
            Method = "POST",
            Path = "/api/v1/runtime/mitigation",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["x-esper-api-key"] = runtimeKey,
                ["content-type"] = "application/json",
            },
            Body = body ?? _bodies.Next(_random),
            RemoteIp = "127.0.0.1",
        };
        var trace = CallTrace.Begin();
        var start = Stopwatch.GetTimestamp();
        var response = await handler.HandleAsync(request);
        var end = Stopwatch.GetTimestamp();
        CallTrace.End();
        Last = (trace, start, end);
        var calls = trace.Calls.Count(c => c.End <= end);
        return new DecisionSample(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, response.StatusCode, calls, trace.SequentialRoundTrips(end),
            trace.StoreTicks(end) * 1000.0 / Stopwatch.Frequency);
    }

    /// <summary>Runs up to <paramref name="count"/> decisions, stopping early after <paramref name="budget"/>.</summary>
    public async Task<List<DecisionSample>> RunAsync(int count, TimeSpan budget)
    {
        var samples = new List<DecisionSample>(count);
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < count && Stopwatch.GetTimestamp() < deadline; i++)
        {
            samples.Add(await DecideAsync());
        }

        return samples;
    }
}
