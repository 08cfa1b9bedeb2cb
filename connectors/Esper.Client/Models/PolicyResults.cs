namespace Esper.Client;

/// <summary>One policy's counters; <see cref="RecentDecisions"/> only when one policy is read.</summary>
public sealed record PolicyResults(
    string PolicyId,
    string? Name,
    long Total,
    long Observe,
    long Challenge,
    long Block,
    long DryRun,
    DateTimeOffset? LastMatchedAt,
    IReadOnlyList<DecisionRecord>? RecentDecisions = null);
