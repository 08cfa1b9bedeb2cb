namespace Esper.Storage.Repositories;

/// <summary>One clause that fired in a recorded decision, as the decision answered it.</summary>
public sealed record DecisionMatchRecord(
    string PolicyId,
    int Clause,
    string? ClauseName,
    string MitigationId,
    string Mode,
    bool DryRun,
    long? WindowCount,
    bool PenaltyActive,
    bool Waived);
