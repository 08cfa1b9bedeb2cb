using Esper.Core.Fields;
using Esper.Storage.Repositories;

namespace Esper.Api.Json;

/// <summary>A recorded decision as operators and support read it back by id.</summary>
internal sealed record RecordedDecisionView(
    string DecisionId,
    DateTimeOffset DecidedAt,
    string Action,
    string? PolicyId,
    string? MitigationId,
    string Reason,
    bool Beacon,
    IReadOnlyList<string> Actions,
    IReadOnlyList<DecisionMatchRecord> Matches,
    RuntimeEvent? Event,
    bool? Recovered);
