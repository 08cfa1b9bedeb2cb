using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>The engine's answer for one request, with everything needed to explain and record it.</summary>
public sealed class Decision
{
    /// <summary>What the integration does: allow, challenge or block.</summary>
    public required DecisionAction Action { get; init; }

    /// <summary>The outcome as results count it (monitor answers allow with outcome observe).</summary>
    public required DecisionOutcome Outcome { get; init; }

    /// <summary>The enforced policy that decided, or null when nothing enforced fired.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The deciding clause's position in its policy.</summary>
    public int? ClauseIndex { get; init; }

    /// <summary>The deciding mitigation (mode, duration, block and challenge options), or null.</summary>
    public MitigationDefinition? Mitigation { get; init; }

    /// <summary>Every clause that fired, enforced and dry-run, in evaluation order.</summary>
    public required IReadOnlyList<DecisionMatch> Matches { get; init; }

    /// <summary>The actions the request matched.</summary>
    public required IReadOnlyList<MatchedAction> Actions { get; init; }

    /// <summary>The entity keys of the request: entity id → key (entities without a key are absent).</summary>
    public required IReadOnlyDictionary<string, string> Entities { get; init; }

    /// <summary>A short human explanation.</summary>
    public required string Reason { get; init; }

    /// <summary>The outcome each in-scope policy produced, for results counters.</summary>
    public required IReadOnlyList<PolicyOutcome> PolicyOutcomes { get; init; }

    /// <summary>Penalties to persist and stale counters to drop, one write per entity key (often empty).</summary>
    public required IReadOnlyList<StateWrite> StateWrites { get; init; }

    /// <summary>The configuration version that decided.</summary>
    public required string ConfigVersion { get; init; }
}
