using Esper.Core.Resources;

namespace Esper.Bench.InProcess.Tenant;

/// <summary>A tenant's configuration as the four resource lists the config API accepts.</summary>
internal sealed class TenantDocuments
{
    public List<ActionDefinition> Actions { get; } = [];

    public List<EntityDefinition> Entities { get; } = [];

    public List<MitigationDefinition> Mitigations { get; } = [];

    public List<PolicyDefinition> Policies { get; } = [];

    public int ClauseCount => Policies.Sum(p => p.Clauses.Count);
}
