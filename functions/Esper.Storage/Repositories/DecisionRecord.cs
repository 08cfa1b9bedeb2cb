namespace Esper.Storage.Repositories;

/// <summary>
/// One recorded decision as operators read it back. <see cref="Recovered"/> is true when the record was re-derived
/// from the decision journal because the process that answered died before writing it.
/// </summary>
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
