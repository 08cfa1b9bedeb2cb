using Esper.Core.Fields;

namespace Esper.Core.Engine;

/// <summary>The first half of a decision: everything that needs only the request.</summary>
internal static class DecisionPreparer
{
    /// <summary>How many buckets just before a window's grace bucket each update drops (cheap steady-state cleanup).</summary>
    private const int DroppedBucketsPerUpdate = 2;

    public static DecisionPlan Prepare(PolicySet set, EncodedRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = new DecisionPlan(set, now);
        var nowUnix = plan.NowUnix;

        var actions = set.Actions;
        var actionMatched = actions.Length <= 64 ? stackalloc bool[actions.Length] : new bool[actions.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            if (actions[i].Expression.Evaluate(request))
            {
                actionMatched[i] = true;
                plan.Actions.Add(actions[i].Matched);
            }
        }

        var entities = set.Entities;
        var keys = new string?[entities.Length];
        for (var i = 0; i < entities.Length; i++)
        {
            var entity = entities[i];
            if ((entity.ActionIndex >= 0 && !actionMatched[entity.ActionIndex]) || (entity.Match is { } m && !m.Evaluate(request)))
            {
                continue;
            }

            if (EntityKeys.Resolve(entity, request) is { } key)
            {
                keys[i] = key;
                plan.Entities[entity.Id] = key;
            }
        }

        var policies = set.Policies;
        var index = set.Scopes;
        var indexed = !index.IsUseful ? default : policies.Length <= 1024 ? stackalloc bool[policies.Length] : new bool[policies.Length];
        if (index.IsUseful)
        {
            index.Resolve(request, indexed);
        }

        for (var p = 0; p < policies.Length; p++)
        {
            var policy = policies[p];
            if (policy.Scope is { } scope && !(index.IsUseful && index.Covers(p) ? indexed[p] : scope.Evaluate(request)))
            {
                continue;
            }

            var start = plan.Candidates.Count;
            foreach (var clause in policy.Clauses)
            {
                string? key = null;
                if (clause.EntityIndex >= 0 && (key = keys[clause.EntityIndex]) is null)
                {
                    // Without a key for its entity a clause can neither match nor carry a penalty.
                    continue;
                }

                var matched = AllMatched(clause.RequiredActions, actionMatched) && (clause.Match is not { } match || match.Evaluate(request));
                if (!matched && clause.PenaltyCounter is null)
                {
                    continue;
                }

                plan.Candidates.Add(new ClauseCandidate(clause, key, matched));
                var counted = matched && clause.Window is not null;
                if (key is not null && (counted || clause.PenaltyCounter is not null))
                {
                    var state = StateFor(plan, key, entities[clause.EntityIndex], now);
                    if (counted)
                    {
                        Count(state, clause.Window!, nowUnix);
                    }
                }
            }

            plan.Scoped.Add(new ScopedPolicy(policy, start, plan.Candidates.Count));
        }

        set.PlanSizes.Observe(plan.Candidates.Count, plan.Scoped.Count);
        return plan;
    }

    private static bool AllMatched(int[] required, Span<bool> matched)
    {
        foreach (var index in required)
        {
            if (!matched[index])
            {
                return false;
            }
        }

        return true;
    }

    private static StateRequest StateFor(DecisionPlan plan, string key, CompiledEntity entity, DateTimeOffset now)
    {
        foreach (var existing in plan.States)
        {
            if (string.Equals(existing.EntityKey, key, StringComparison.Ordinal))
            {
                return existing;
            }
        }

        var created = new StateRequest(key, now.AddSeconds(entity.StateTtlSeconds));
        plan.States.Add(created);
        return created;
    }

    private static void Count(StateRequest state, WindowSpec window, long nowUnix)
    {
        state.AddCounters[window.BucketName(window.Bucket(nowUnix))] = 1;

        // The bucket just before the first live one is kept as grace for hosts whose clocks lag slightly.
        var firstStale = window.FirstLiveBucket(nowUnix) - 2;
        for (var i = 0; i < DroppedBucketsPerUpdate; i++)
        {
            state.RemoveCounters.Add(window.BucketName(firstStale - i));
        }
    }
}
