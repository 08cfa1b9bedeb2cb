using System.Globalization;

namespace Esper.Core.Engine;

/// <summary>
/// The live counts of every window in the counter items a decision read, from one pass over each item (so the
/// cost grows with the item size, not with items × windows). The same pass finds buckets left far behind their
/// window so the decision can drop them. Penalty counters are never removed here: a removal racing a fresh penalty
/// could erase it, and an expired penalty is inert until the item expires.
/// </summary>
internal sealed class WindowSums
{
    private readonly List<(string Key, Dictionary<WindowSpec, long> Sums)> _items = [];

    public static WindowSums Scan(DecisionPlan plan, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> countersByKey, ref List<StateWrite>? writes)
    {
        var result = new WindowSums();
        var nowUnix = plan.NowUnix;
        var windows = plan.PolicySet.WindowsByPrefix;
        foreach (var state in plan.States)
        {
            if (!countersByKey.TryGetValue(state.EntityKey, out var counters) || counters.Count == 0)
            {
                continue;
            }

            var sums = new Dictionary<WindowSpec, long>(ReferenceEqualityComparer.Instance);
            foreach (var (name, value) in counters)
            {
                var separator = name.IndexOf('_', StringComparison.Ordinal);
                if (name.Length < 2 || name[0] != 'w' || separator < 0
                    || !windows.TryGetValue(name.AsSpan(0, separator + 1), out var window)
                    || !long.TryParse(name.AsSpan(separator + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bucket))
                {
                    continue;
                }

                var first = window.FirstLiveBucket(nowUnix);
                if (bucket >= first && bucket <= window.Bucket(nowUnix))
                {
                    sums[window] = sums.GetValueOrDefault(window) + value;
                }
                else if (bucket < first - 1)
                {
                    // The bucket just before the first live one stays as grace (see DecisionPreparer).
                    DecisionFinisher.WriteFor(plan, ref writes, state.EntityKey).RemoveCounters.Add(name);
                }
            }

            result._items.Add((state.EntityKey, sums));
        }

        return result;
    }

    /// <summary>Matching events in the window for the entity key, this one included (0 when the item was not returned).</summary>
    public long Count(string entityKey, WindowSpec window)
    {
        foreach (var (key, sums) in _items)
        {
            if (string.Equals(key, entityKey, StringComparison.Ordinal))
            {
                return sums.GetValueOrDefault(window);
            }
        }

        return 0;
    }
}
