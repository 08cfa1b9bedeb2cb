namespace Esper.Bench.InProcess.Stores;

/// <summary>
/// The store calls one decision made, collected through an <see cref="AsyncLocal{T}"/> so concurrent decisions do
/// not mix. The critical path is the longest chain of calls where each starts after the previous one ended:
/// parallel calls count once, as the architecture counts round trips.
/// </summary>
internal sealed class CallTrace
{
    private static readonly AsyncLocal<CallTrace?> CurrentTrace = new();
    private readonly List<StoreCall> _calls = [];

    public static CallTrace? Current => CurrentTrace.Value;

    public IReadOnlyList<StoreCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static CallTrace Begin()
    {
        var trace = new CallTrace();
        CurrentTrace.Value = trace;
        return trace;
    }

    public static void End() => CurrentTrace.Value = null;

    public void Add(StoreCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    /// <summary>Wall time during which at least one store call (finished by <paramref name="respondedAt"/>) was in flight, in ticks.</summary>
    public long StoreTicks(long respondedAt)
    {
        long total = 0, coveredUntil = long.MinValue;
        foreach (var call in Calls.Where(c => c.End <= respondedAt).OrderBy(c => c.Start))
        {
            var from = Math.Max(call.Start, coveredUntil);
            if (call.End > from)
            {
                total += call.End - from;
            }

            coveredUntil = Math.Max(coveredUntil, call.End);
        }

        return total;
    }

    /// <summary>Sequential round trips among the calls that had finished by <paramref name="respondedAt"/>.</summary>
    public int SequentialRoundTrips(long respondedAt)
    {
        var calls = Calls.Where(c => c.End <= respondedAt).OrderBy(c => c.End).ToArray();
        var chain = new int[calls.Length];
        var longest = 0;
        for (var i = 0; i < calls.Length; i++)
        {
            chain[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (calls[j].End <= calls[i].Start)
                {
                    chain[i] = Math.Max(chain[i], chain[j] + 1);
                }
            }

            longest = Math.Max(longest, chain[i]);
        }

        return longest;
    }
}
