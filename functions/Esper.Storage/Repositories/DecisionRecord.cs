using Esper.Core.Fields;

namespace Esper.Storage.Repositories;

/// <summary>
/// One recorded decision as operators read it back. <see cref="Recovered"/> is true when the record was re-derived
/// from the decision journal because the process that answered died before writing it. The tenant's copy of a
/// record also keeps what a replay needs to decide it again: the <see cref="Event"/> as received, the
/// <see cref="EncodingVersion"/> it was encoded with, the config version that decided and every policy's outcome.
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
    bool? Recovered = null,
    string? EncodingVersion = null,
    string? ConfigVersion = null,
    IReadOnlyList<RecordedOutcome>? Outcomes = null,
    RuntimeEvent? Event = null,
    bool? EventOmitted = null);
