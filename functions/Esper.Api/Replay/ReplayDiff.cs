namespace Esper.Api.Replay;

/// <summary>
/// What a replay changed, accumulated chunk by chunk: final actions and per-policy outcomes before (as recorded) and
/// after (as replayed), how many decisions changed, and the first changed decisions as samples.
/// </summary>
internal sealed class ReplayDiff
{
    public long DecisionsCompared { get; set; }

    public long DecisionsChanged { get; set; }

    /// <summary>Final action (<c>allow</c>, <c>challenge</c>, <c>block</c>) → counts.</summary>
    public Dictionary<string, ReplayCount> Actions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Policy id → outcome (<c>observe</c>, <c>challenge</c>, <c>block</c>) → counts.</summary>
    public Dictionary<string, Dictionary<string, ReplayCount>> Policies { get; set; } = new(StringComparer.Ordinal);

    public List<ReplaySample> Samples { get; set; } = [];

    public void CountAction(string action, bool after) => Count(Actions, action, after);

    public void CountPolicy(string policyId, string outcome, bool after)
    {
        if (!Policies.TryGetValue(policyId, out var outcomes))
        {
            Policies[policyId] = outcomes = new(StringComparer.Ordinal);
        }

        Count(outcomes, outcome, after);
    }

    private static void Count(Dictionary<string, ReplayCount> counts, string key, bool after)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            counts[key] = count = new ReplayCount();
        }

        if (after)
        {
            count.After++;
        }
        else
        {
            count.Before++;
        }
    }
}
