using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary><c>esper &lt;kind&gt; delete &lt;id&gt;</c>: deletes it in Esper (refused while in use) and its local copy.</summary>
internal sealed class DeleteCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : KindCommand<IdSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        var kind = KindOf(context);
        var id = ResolveId(kind, settings.Id);
        await Api(settings).DeleteAsync(kind, id, cancellationToken).ConfigureAwait(false);
        LocalData.Delete(kind, id);
        Out(settings).Line($"Deleted {kind} {id}.");
        return ExitCodes.Success;
    }
}
