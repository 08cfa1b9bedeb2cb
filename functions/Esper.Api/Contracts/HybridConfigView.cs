using Esper.Core.Resources;

namespace Esper.Api.Contracts;

/// <summary>
/// The answer of <c>GET /api/v1/hybrid/config</c>, for the OpenAPI document (the handler writes the stored resources
/// as they are): the tenant's whole config at one version, which is also the ETag.
/// </summary>
internal sealed record HybridConfigView(
    string TenantId,
    string Version,
    IReadOnlyList<ActionDefinition> Actions,
    IReadOnlyList<EntityDefinition> Entities,
    IReadOnlyList<MitigationDefinition> Mitigations,
    IReadOnlyList<PolicyDefinition> Policies);
