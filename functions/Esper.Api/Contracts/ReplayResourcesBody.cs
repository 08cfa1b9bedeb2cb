using Esper.Core.Resources;

namespace Esper.Api.Contracts;

/// <summary>A whole candidate config: every resource the replay decides with, each as the config endpoints take it (with its id).</summary>
internal sealed record ReplayResourcesBody(
    IReadOnlyList<ActionDefinition>? Actions = null,
    IReadOnlyList<EntityDefinition>? Entities = null,
    IReadOnlyList<MitigationDefinition>? Mitigations = null,
    IReadOnlyList<PolicyDefinition>? Policies = null);
