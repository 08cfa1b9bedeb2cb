namespace Esper.Api.Replay;

/// <summary>A replay's diff: per final action and per policy and outcome, counts before and after, and changed decisions.</summary>
internal sealed record ReplayDiffView(
    long DecisionsCompared,
    long DecisionsChanged,
    IReadOnlyList<ReplayCountView> Actions,
    IReadOnlyList<ReplayCountView> Policies,
    IReadOnlyList<ReplaySample> Samples)
{
    private static readonly string[] ActionOrder = ["allow", "challenge", "block"];
    private static readonly string[] OutcomeOrder = ["observe", "challenge", "block"];

    public static ReplayDiffView From(ReplayDiff diff) => new(
        diff.DecisionsCompared,
        diff.DecisionsChanged,
        [.. ActionOrder.Select(a => Line(null, a, null, diff.Actions.GetValueOrDefault(a)))],
        [.. diff.Policies.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => OutcomeOrder
            .Where(p.Value.ContainsKey)
            .Select(o => Line(p.Key, null, o, p.Value[o])))],
        diff.Samples);

    private static ReplayCountView Line(string? policyId, string? action, string? outcome, ReplayCount? count) =>
        new(policyId, action, outcome, count?.Before ?? 0, count?.After ?? 0, (count?.After ?? 0) - (count?.Before ?? 0));
}
