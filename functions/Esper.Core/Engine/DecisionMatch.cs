namespace Esper.Core.Engine;

/// <summary>One clause that fired for this request.</summary>
public sealed class DecisionMatch
{
    /// <summary>The policy holding the clause.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Zero-based position of the clause in its policy.</summary>
    public required int ClauseIndex { get; init; }

    /// <summary>The clause's name, if it has one.</summary>
    public string? ClauseName { get; init; }

    /// <summary>The mitigation the clause applies.</summary>
    public required string MitigationId { get; init; }

    /// <summary>The mitigation's mode.</summary>
    public required MitigationMode Mode { get; init; }

    /// <summary>True when the policy is in dry run: reported, never enforced.</summary>
    public required bool DryRun { get; init; }

    /// <summary>The clause's entity key, when it is bound to an entity.</summary>
    public string? EntityKey { get; init; }

    /// <summary>For a windowed clause that matched this request: matching events in the window, this one included.</summary>
    public long? WindowCount { get; init; }

    /// <summary>True when the clause applies because of an earlier firing whose penalty has not expired.</summary>
    public bool PenaltyActive { get; init; }

    /// <summary>Unix seconds when the penalty (active or just set) expires, if any.</summary>
    public long? PenaltyExpiresAt { get; init; }

    /// <summary>True when a challenge was waived because the request carries a valid pass.</summary>
    public bool Waived { get; init; }
}
