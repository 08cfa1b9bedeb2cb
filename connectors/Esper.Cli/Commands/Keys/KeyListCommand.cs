using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Keys;

/// <summary><c>esper keys list</c>: the tenant's API keys, without secrets.</summary>
internal sealed class KeyListCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GlobalSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var keys = await Api(settings).ListKeysAsync(cancellationToken).ConfigureAwait(false);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(keys);
        }
        else
        {
            output.Table(KeyView.Columns, keys.Select(KeyView.Row));
        }

        return ExitCodes.Success;
    }
}
