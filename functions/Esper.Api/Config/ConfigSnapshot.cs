using System.Text.Json;
using Esper.Core.Resources;
using Esper.Storage.Repositories;

namespace Esper.Api.Config;

/// <summary>A tenant's whole config read at one version: for reference checks, "in use" checks and compiling.</summary>
internal sealed class ConfigSnapshot
{
    public required long Version { get; init; }

    public required IReadOnlyList<ActionDefinition> Actions { get; init; }

    public required IReadOnlyList<EntityDefinition> Entities { get; init; }

    public required IReadOnlyList<MitigationDefinition> Mitigations { get; init; }

    public required IReadOnlyList<PolicyDefinition> Policies { get; init; }

    public IResourceLookup Lookup => new ResourceLookup(
        Actions.Select(a => a.Id),
        Entities.Select(e => e.Id).Concat(BundledEntities.All.Select(e => e.Id)),
        Mitigations.Select(m => m.Id));

    public Esper.Core.Engine.TenantConfig ToTenantConfig() => new()
    {
        Version = Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Actions = Actions,
        Entities = Entities,
        Mitigations = Mitigations,
        Policies = Policies,
    };

    public static async ValueTask<ConfigSnapshot> LoadAsync(ConfigRepository repository, string tenantId, CancellationToken cancellationToken)
    {
        // Version first: a write landing during the reads makes the next check see a newer version and reload.
        var version = await repository.GetVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var actions = repository.ListAsync(tenantId, ResourceKinds.Actions.Singular, cancellationToken).AsTask();
        var entities = repository.ListAsync(tenantId, ResourceKinds.Entities.Singular, cancellationToken).AsTask();
        var mitigations = repository.ListAsync(tenantId, ResourceKinds.Mitigations.Singular, cancellationToken).AsTask();
        var policies = repository.ListAsync(tenantId, ResourceKinds.Policies.Singular, cancellationToken).AsTask();
        await Task.WhenAll(actions, entities, mitigations, policies).ConfigureAwait(false);
        return new ConfigSnapshot
        {
            Version = version,
            Actions = Read(actions.Result, ResourceKinds.Actions),
            Entities = Read(entities.Result, ResourceKinds.Entities),
            Mitigations = Read(mitigations.Result, ResourceKinds.Mitigations),
            Policies = Read(policies.Result, ResourceKinds.Policies),
        };
    }

    private static List<T> Read<T>(IReadOnlyList<ConfigDocument> documents, ResourceKind<T> kind)
        where T : class =>
        [.. documents.Select(d => JsonSerializer.Deserialize(d.Json, kind.TypeInfo)!)];
}
