namespace Esper.Core.Engine;

/// <summary>
/// The first half of a decision: what the request matched and the counter updates it needs, one per entity key.
/// Perform every <see cref="StateRequests"/> entry (in parallel) and pass the results to <see cref="PolicySet.Finish"/>.
/// </summary>
public sealed class DecisionPlan
{
    internal DecisionPlan(PolicySet set, DateTimeOffset now)
    {
        PolicySet = set;
        Now = now;
        var sizes = set.PlanSizes;
        Candidates = new List<ClauseCandidate>(sizes.Candidates);
        Scoped = new List<ScopedPolicy>(sizes.Scoped);
    }

    /// <summary>The time the decision is made at.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The counter update each entity key needs; empty when no window or penalty is involved.</summary>
    public IReadOnlyList<StateRequest> StateRequests => States;

    /// <summary>The request's entity keys: entity id → key.</summary>
    public IReadOnlyDictionary<string, string> EntityKeys => Entities;

    /// <summary>The actions the request matched.</summary>
    public IReadOnlyList<MatchedAction> MatchedActions => Actions;

    internal PolicySet PolicySet { get; }

    internal long NowUnix => Now.ToUnixTimeSeconds();

    internal List<StateRequest> States { get; } = [];

    internal Dictionary<string, string> Entities { get; } = new(StringComparer.Ordinal);

    internal List<MatchedAction> Actions { get; } = [];

    internal List<ClauseCandidate> Candidates { get; }

    internal List<ScopedPolicy> Scoped { get; }
}
