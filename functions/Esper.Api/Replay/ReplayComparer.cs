using System.Text.Json;
using Esper.Core.Engine;
using Esper.Storage.Repositories;

namespace Esper.Api.Replay;

/// <summary>
/// Adds one replayed decision to a diff. A decision changed when its final action or its deciding policy differs
/// from the record; per-policy counts compare each policy's outcome (observe, challenge, block; dry runs included).
/// </summary>
internal static class ReplayComparer
{
    /// <summary>Events longer than this (as JSON) are left out of samples, so the job document stays small.</summary>
    private const int MaxSampleEventChars = 4096;

    public static void Add(ReplayDiff diff, DecisionRecord record, Decision decision, int maxSamples)
    {
        var after = decision.Action.WireName();
        diff.DecisionsCompared++;
        diff.CountAction(record.Action, after: false);
        diff.CountAction(after, after: true);
        foreach (var outcome in record.Outcomes ?? [])
        {
            if (outcome.Outcome != DecisionOutcome.Allow.WireName())
            {
                diff.CountPolicy(outcome.PolicyId, outcome.Outcome, after: false);
            }
        }

        foreach (var outcome in decision.PolicyOutcomes)
        {
            if (outcome.Outcome != DecisionOutcome.Allow)
            {
                diff.CountPolicy(outcome.PolicyId, outcome.Outcome.WireName(), after: true);
            }
        }

        if (record.Action == after && record.PolicyId == decision.PolicyId)
        {
            return;
        }

        diff.DecisionsChanged++;
        if (diff.Samples.Count < maxSamples)
        {
            var ev = record.Event is { } e && JsonSerializer.Serialize(e, ReplayJsonContext.Default.RuntimeEvent).Length <= MaxSampleEventChars ? e : null;
            diff.Samples.Add(new ReplaySample(
                record.DecisionId,
                record.DecidedAt,
                new ReplaySide(record.Action, record.PolicyId, record.Reason),
                new ReplaySide(after, decision.PolicyId, decision.Reason),
                ev));
        }
    }
}
