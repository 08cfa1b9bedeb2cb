namespace Esper.Api.Runtime;

/// <summary>What a challenge issuer knows about the challenged decision.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="DecisionId">The decision being challenged.</param>
/// <param name="PolicyId">The deciding policy.</param>
/// <param name="MitigationId">The deciding mitigation.</param>
/// <param name="Provider">The mitigation's challenge provider (e.g. <c>proof_of_work</c>, <c>turnstile</c>), if set.</param>
/// <param name="ReturnUrl">Where the visitor returns after solving: the event's <c>return_url</c>, else the mitigation's template.</param>
/// <param name="EntityKeys">The request's entity keys (entity id → key), for passes bound to an actor.</param>
/// <param name="DecidedAt">When the decision was made.</param>
public sealed record ChallengeRequest(
    string TenantId,
    string DecisionId,
    string? PolicyId,
    string? MitigationId,
    string? Provider,
    string? ReturnUrl,
    IReadOnlyDictionary<string, string> EntityKeys,
    DateTimeOffset DecidedAt);
