using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>
/// <c>esper &lt;kind&gt; show &lt;id&gt;</c>. With <c>--output json</c> it prints the resource exactly as Esper stores it,
/// so <c>show … --output json &gt; backup.json</c> and later <c>apply --file backup.json</c> restore it.
/// </summary>
internal sealed class ShowCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : KindCommand<IdSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        var kind = KindOf(context);
        var id = ResolveId(kind, settings.Id);
        var found = await Api(settings).GetAsync(kind, id, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiProblemException(404, "Not found", $"no {kind} with id '{id}'", null);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(found.Resource);
        }
        else
        {
            output.Table(["FIELD", "VALUE"], found.Resource.Select(p => new[] { p.Key, p.Value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() }));
        }

        return ExitCodes.Success;
    }
}
