using System.Text.Json.Serialization;

namespace Esper.Api.Json;

/// <summary>One clause that fired.</summary>
internal sealed record MatchView(
    string PolicyId,
    int Clause,
    string? ClauseName,
    string MitigationId,
    string Mode,
    bool DryRun,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? WindowCount,
    bool PenaltyActive,
    long? PenaltyExpiresAt,
    bool Waived);
