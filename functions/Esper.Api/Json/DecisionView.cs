using System.Text.Json.Serialization;

namespace Esper.Api.Json;

/// <summary>The runtime decision as the integration reads it; <c>hybrid_key</c> names the penalised entity opaquely (challenge and block only).</summary>
internal sealed record DecisionView(
    string DecisionId,
    string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RedirectUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] MitigationView? Mitigation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PolicyId,
    string Outcome,
    IReadOnlyList<MatchView> Matches,
    IReadOnlyList<ActionView> Actions,
    IReadOnlyDictionary<string, string> Entities,
    string Reason,
    string EncodingVersion,
    string ConfigVersion,
    DateTimeOffset DecidedAt,
    BlockView? Block,
    string? HybridKey = null)
{
    /// <summary>Things the integration should fix that did not stop the decision (an ignored misspelt key, a challenge that cannot start); absent when there are none.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary>Why a challenge decision carries no <c>redirect_url</c>; absent otherwise.</summary>
    public string? RedirectUrlError { get; init; }
}
