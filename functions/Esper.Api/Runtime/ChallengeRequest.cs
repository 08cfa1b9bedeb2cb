using Esper.Core.Fields;
using Esper.Core.Resources;

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
    DateTimeOffset DecidedAt)
{
    /// <summary>The deciding mitigation (provider, return URL template, allowed origins), when known.</summary>
    public MitigationDefinition? Mitigation { get; init; }

    /// <summary>The entity key of the deciding clause; null when that clause is not bound to an entity.</summary>
    public string? EntityKey { get; init; }

    /// <summary>The challenged request as the integration sent it (path, host header, return URL).</summary>
    public RuntimeEvent? Event { get; init; }
}
