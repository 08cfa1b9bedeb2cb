namespace Esper.Storage.Repositories;

/// <summary>One recorded decision as operators read it back.</summary>
public sealed record DecisionRecord(
    string DecisionId,
    DateTimeOffset DecidedAt,
    string Action,
    string? PolicyId,
    string? MitigationId,
    string? Reason,
    bool Beacon,
    IReadOnlyList<string> MatchedPolicyIds,
    IReadOnlyList<string> Actions,
    string? ClientIp,
    string? Path);
