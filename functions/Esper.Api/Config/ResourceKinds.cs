using Esper.Api.Json;
using Esper.Core.Resources;

namespace Esper.Api.Config;

/// <summary>The four config resources.</summary>
internal static class ResourceKinds
{
    public static readonly ResourceKind<ActionDefinition> Actions = new(
        "actions", "action", "Action", "Actions", ReadableJson.Core.ActionDefinition,
        static a => a.Id, static (a, id) => a.Id = id, static (a, _) => ResourceValidator.Validate(a));

    public static readonly ResourceKind<EntityDefinition> Entities = new(
        "entities", "entity", "Entity", "Entities", ReadableJson.Core.EntityDefinition,
        static e => e.Id, static (e, id) => e.Id = id, static (e, lookup) => ResourceValidator.Validate(e, lookup));

    public static readonly ResourceKind<MitigationDefinition> Mitigations = new(
        "mitigations", "mitigation", "Mitigation", "Mitigations", ReadableJson.Core.MitigationDefinition,
        static m => m.Id, static (m, id) => m.Id = id, static (m, _) => ResourceValidator.Validate(m));

    public static readonly ResourceKind<PolicyDefinition> Policies = new(
        "policies", "policy", "Policy", "Policies", ReadableJson.Core.PolicyDefinition,
        static p => p.Id, static (p, id) => p.Id = id, static (p, lookup) => ResourceValidator.Validate(p, lookup));
}
