using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Keys;

/// <summary><c>esper keys revoke &lt;id&gt;</c>: the key stops working (within seconds on every Esper process).</summary>
internal sealed class KeyRevokeCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<IdSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        await Api(settings).RevokeKeyAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        Out(settings).Line($"Revoked key {settings.Id}.");
        return ExitCodes.Success;
    }
}
