using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary><c>esper entity create</c>.</summary>
internal sealed class EntityCreateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : CreateCommand<EntityCreateSettings>(environment, apiFactory)
{
    protected override ResourceKind Kind => ResourceKind.Entity;

    protected override void ApplyFlags(JsonObject resource, EntityCreateSettings settings, bool fromFlags)
    {
        if (settings.KeyFields.Length > 0)
        {
            resource["key_fields"] = new JsonArray([.. settings.KeyFields.Select(f => (JsonNode)JsonValue.Create(f))]);
        }
        else if (fromFlags)
        {
            throw new UsageException("--key-field is required to create an entity from flags (repeat it for several fields)");
        }

        if (settings.Action is not null)
        {
            resource["action_id"] = Resolve(ResourceKind.Action, settings.Action);
        }

        if (settings.Match is not null)
        {
            resource["match_expression"] = settings.Match;
        }
    }
}
