using System.Text.Json;
using Esper.Core.Resources;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Config;

/// <summary>Seeds a new tenant's bundled entities (ip-user-agent, bot-crawlers) as ordinary entity documents.</summary>
internal sealed class ConfigSeeder(ConfigRepository repository)
{
    public async ValueTask SeedAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var entity in BundledEntities.All)
        {
            var json = JsonSerializer.Serialize(entity, CoreJsonContext.Default.EntityDefinition);
            await repository.PutAsync(tenantId, ResourceKinds.Entities.Singular, entity.Id, json, WriteCondition.IfAbsent, cancellationToken).ConfigureAwait(false);
        }

        await repository.BumpVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }
}
