using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;

namespace Esper.Cli.Commands.Resources;

/// <summary><c>esper action create</c>.</summary>
internal sealed class ActionCreateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : CreateCommand<ActionCreateSettings>(environment, apiFactory)
{
    protected override ResourceKind Kind => ResourceKind.Action;

    protected override void ApplyFlags(JsonObject resource, ActionCreateSettings settings, bool fromFlags)
    {
        if (settings.Expression is not null)
        {
            resource["expression"] = settings.Expression;
        }
        else if (fromFlags)
        {
            throw new UsageException("--expression is required to create an action from flags (or use --template/--file)");
        }
    }
}
