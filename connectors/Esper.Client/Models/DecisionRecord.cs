namespace Esper.Client;

/// <summary>A recorded decision as results list it.</summary>
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
    string? Path,
    bool? Recovered = null);
