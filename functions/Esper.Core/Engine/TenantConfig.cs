using Esper.Core.Resources;

namespace Esper.Core.Engine;

/// <summary>Everything a tenant's decisions depend on, at one configuration version.</summary>
public sealed class TenantConfig
{
    /// <summary>Identifies this configuration; a compiled <see cref="PolicySet"/> is cached per version.</summary>
    public string Version { get; init; } = "";

    /// <summary>The tenant's actions.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; init; } = [];

    /// <summary>The tenant's entities; the bundled ones are added when no entity with their id is listed.</summary>
    public IReadOnlyList<EntityDefinition> Entities { get; init; } = [];

    /// <summary>The tenant's mitigations (the built-in <c>monitor</c> needs no entry).</summary>
    public IReadOnlyList<MitigationDefinition> Mitigations { get; init; } = [];

    /// <summary>The tenant's policies in any order; they are evaluated in ordinal id order.</summary>
    public IReadOnlyList<PolicyDefinition> Policies { get; init; } = [];
}
