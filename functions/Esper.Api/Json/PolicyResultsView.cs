using Esper.Storage.Repositories;

namespace Esper.Api.Json;

/// <summary>One policy's results; <see cref="RecentDecisions"/> only when one policy is asked for.</summary>
internal sealed record PolicyResultsView(
    string PolicyId,
    string? Name,
    long Total,
    long Observe,
    long Challenge,
    long Block,
    long DryRun,
    DateTimeOffset? LastMatchedAt,
    IReadOnlyList<DecisionRecord>? RecentDecisions = null);
