using System.Globalization;

namespace Esper.Core.Engine;

/// <summary>
/// Finds window buckets left behind when an entity key went quiet for longer than the per-update cleanup reaches,
/// so a decision can drop them. Penalty counters are never removed here: a removal racing a fresh penalty could
/// erase it, and an expired penalty is harmless until the item expires.
/// </summary>
internal static class StaleBuckets
{
    public static void Collect(DecisionPlan plan, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> countersByKey, ref List<StateWrite>? writes)
    {
        var nowUnix = plan.NowUnix;
        var windows = plan.PolicySet.WindowsByPrefix;
        foreach (var state in plan.States)
        {
            if (!countersByKey.TryGetValue(state.EntityKey, out var counters))
            {
                continue;
            }

            foreach (var name in counters.Keys)
            {
                var separator = name.IndexOf('_', StringComparison.Ordinal);
                if (name.Length < 2 || name[0] != 'w' || separator < 0
                    || !windows.TryGetValue(name.AsSpan(0, separator + 1), out var window)
                    || !long.TryParse(name.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bucket))
                {
                    continue;
                }

                // The bucket just before the first live one stays as grace (see DecisionPreparer).
                if (bucket < window.FirstLiveBucket(nowUnix) - 1)
                {
                    DecisionFinisher.WriteFor(plan, ref writes, state.EntityKey).RemoveCounters.Add(name);
                }
            }
        }
    }
}
