using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Results;

/// <summary><c>esper audit [--limit n]</c>: who changed what and when, newest first.</summary>
internal sealed class AuditCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<AuditSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        var entries = await Api(settings).AuditAsync(settings.Limit, cancellationToken).ConfigureAwait(false);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(entries);
        }
        else
        {
            output.Table(["AT", "KEY", "RESOURCE", "ID", "CHANGE"], entries.Select(e => new[]
            {
                e["at"]?.ToString(),
                ResourceJson.Text(e, "key_id") ?? "(host)",
                ResourceJson.Text(e, "resource"),
                ResourceJson.Text(e, "resource_id"),
                ResourceJson.Text(e, "change"),
            }));
        }

        return ExitCodes.Success;
    }
}
