using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary><c>esper &lt;kind&gt; list</c>.</summary>
internal sealed class ListCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : KindCommand<ListSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, ListSettings settings, CancellationToken cancellationToken)
    {
        var kind = KindOf(context);
        if (settings.Status is not null && kind != ResourceKind.Policy)
        {
            throw new UsageException("--status filters policies only");
        }

        var items = (await Api(settings).ListAsync(kind, cancellationToken).ConfigureAwait(false))
            .Where(r => settings.Status is null || (ResourceJson.Text(r, "status") ?? "active") == settings.Status)
            .OrderBy(r => ResourceJson.Id(r), StringComparer.Ordinal)
            .ToList();
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(items);
        }
        else
        {
            output.Table(ResourceView.Columns(kind), items.Select(r => ResourceView.Row(kind, r)));
        }

        return ExitCodes.Success;
    }
}
