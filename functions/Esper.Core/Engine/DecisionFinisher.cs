using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>The second half of a decision: windows, penalties, passes, dry runs and precedence.</summary>
internal static class DecisionFinisher
{
    private static readonly IReadOnlyDictionary<string, long> NoCounters = new Dictionary<string, long>();

    public static Decision Finish(DecisionPlan plan, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> countersByKey, FinishOptions options)
    {
        ArgumentNullException.ThrowIfNull(countersByKey);
        var nowUnix = plan.NowUnix;
        var outcomes = new PolicyOutcome[plan.Scoped.Count];
        List<DecisionMatch>? matches = null;
        List<StateWrite>? writes = null;
        var enforced = default(Best);
        var dryRun = default(Best);
        var waivedAny = false;
        var windowSums = WindowSums.Scan(plan, countersByKey, ref writes);

        for (var p = 0; p < plan.Scoped.Count; p++)
        {
            var scoped = plan.Scoped[p];
            var policyBest = default(Best);
            for (var i = scoped.Start; i < scoped.End; i++)
            {
                var candidate = plan.Candidates[i];
                var clause = candidate.Clause;
                var counters = candidate.EntityKey is { } key && countersByKey.TryGetValue(key, out var c) ? c : NoCounters;

                long? penaltyExpiry = null;
                if (clause.PenaltyCounter is { } penalty && counters.TryGetValue(penalty, out var expiry) && expiry > nowUnix)
                {
                    penaltyExpiry = expiry;
                }

                var penaltyActive = penaltyExpiry is not null;
                var fired = false;
                long? windowCount = null;
                if (candidate.Matched)
                {
                    if (clause.Window is { } window)
                    {
                        windowCount = windowSums.Count(candidate.EntityKey!, window);
                        fired = windowCount > window.Threshold;
                    }
                    else
                    {
                        fired = true;
                    }
                }

                if (!fired && !penaltyActive)
                {
                    continue;
                }

                if (fired && clause.PenaltyCounter is not null)
                {
                    // A running penalty is renewed only once firing would lengthen it by a quarter of its duration:
                    // an actor hammering a penalised clause costs one write per quarter duration, not one per request.
                    var until = nowUnix + clause.Mitigation.DurationSeconds;
                    if (penaltyExpiry is null || until - penaltyExpiry >= RenewalStep(clause.Mitigation.DurationSeconds))
                    {
                        WriteFor(plan, ref writes, candidate.EntityKey!).SetCounters[clause.PenaltyCounter] = until;
                        penaltyExpiry = until;
                    }
                }

                var mode = clause.Mitigation.Mode;
                var waived = mode == MitigationMode.Challenge && PassCovers(options, candidate.EntityKey);
                waivedAny |= waived;
                var match = new DecisionMatch
                {
                    PolicyId = scoped.Policy.Id,
                    ClauseIndex = clause.Index,
                    ClauseName = clause.Name,
                    MitigationId = clause.Mitigation.Definition.Id,
                    Mode = mode,
                    DryRun = scoped.Policy.DryRun,
                    EntityKey = candidate.EntityKey,
                    WindowCount = windowCount,
                    PenaltyActive = penaltyActive,
                    PenaltyExpiresAt = penaltyExpiry,
                    Waived = waived,
                };
                (matches ??= []).Add(match);
                policyBest.Offer(waived ? DecisionOutcome.Allow : mode.Outcome(), match, clause, scoped.Policy);
            }

            outcomes[p] = new PolicyOutcome(scoped.Policy.Id, policyBest.Outcome, scoped.Policy.DryRun);
            if (scoped.Policy.DryRun)
            {
                dryRun.Offer(policyBest);
            }
            else
            {
                enforced.Offer(policyBest);
            }
        }

        return new Decision
        {
            Action = enforced.Outcome.Action(),
            Outcome = enforced.Outcome,
            PolicyId = enforced.Policy?.Id,
            ClauseIndex = enforced.Match?.ClauseIndex,
            Mitigation = enforced.Clause?.Mitigation.Definition,
            Matches = (IReadOnlyList<DecisionMatch>?)matches ?? [],
            Actions = plan.Actions,
            Entities = plan.Entities,
            Reason = DecisionReasons.Describe(enforced, dryRun, waivedAny),
            PolicyOutcomes = outcomes,
            StateWrites = (IReadOnlyList<StateWrite>?)writes ?? [],
            ConfigVersion = plan.PolicySet.ConfigVersion,
        };
    }

    /// <summary>How much longer firing must make a running penalty before it is written again: a quarter of its duration, at least one second.</summary>
    internal static long RenewalStep(long durationSeconds) => Math.Max(1, durationSeconds / 4);

    internal static StateWrite WriteFor(DecisionPlan plan, ref List<StateWrite>? writes, string key)
    {
        if (writes is not null)
        {
            foreach (var existing in writes)
            {
                if (string.Equals(existing.EntityKey, key, StringComparison.Ordinal))
                {
                    return existing;
                }
            }
        }

        var expiresAt = plan.Now;
        foreach (var state in plan.States)
        {
            if (string.Equals(state.EntityKey, key, StringComparison.Ordinal))
            {
                expiresAt = state.ExpiresAt;
                break;
            }
        }

        var created = new StateWrite(key, expiresAt);
        (writes ??= []).Add(created);
        return created;
    }

    private static bool PassCovers(FinishOptions options, string? entityKey)
    {
        if (!options.ChallengePassed)
        {
            return false;
        }

        if (options.ChallengePassEntityKeys is not { } keys || entityKey is null)
        {
            return true;
        }

        foreach (var k in keys)
        {
            if (string.Equals(k, entityKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
