namespace Esper.Client;

/// <summary>One policy clause that fired in a decision.</summary>
public sealed record EsperMatch
{
    /// <summary>The policy.</summary>
    public string PolicyId { get; init; } = "";

    /// <summary>The clause's index in the policy.</summary>
    public int Clause { get; init; }

    /// <summary>The clause's name, when it has one.</summary>
    public string? ClauseName { get; init; }

    /// <summary>The clause's mitigation.</summary>
    public string MitigationId { get; init; } = "";

    /// <summary>The mitigation's mode.</summary>
    public string Mode { get; init; } = "";

    /// <summary>True when the policy is in dry run (reported, never enforced).</summary>
    public bool DryRun { get; init; }

    /// <summary>Events counted in the clause's window, for a windowed clause.</summary>
    public long? WindowCount { get; init; }

    /// <summary>True when an earlier firing's penalty still applies.</summary>
    public bool PenaltyActive { get; init; }

    /// <summary>When the penalty ends, in unix seconds.</summary>
    public long? PenaltyExpiresAt { get; init; }

    /// <summary>True when a challenge pass waived this clause.</summary>
    public bool Waived { get; init; }
}
