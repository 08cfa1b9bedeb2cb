using Esper.Core.Resources;

namespace Esper.Api.Contracts;

/// <summary>Candidate changes over the live config: resources to add or replace by id, and ids to delete.</summary>
internal sealed record ReplayChangesBody(
    IReadOnlyList<ActionDefinition>? Actions = null,
    IReadOnlyList<EntityDefinition>? Entities = null,
    IReadOnlyList<MitigationDefinition>? Mitigations = null,
    IReadOnlyList<PolicyDefinition>? Policies = null,
    ReplayDeletesBody? Delete = null);
