using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Keys;

/// <summary><c>esper keys create</c>: issues a key and prints its secret, the only time Esper ever shows it.</summary>
internal sealed class KeyCreateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<KeyCreateSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeyCreateSettings settings, CancellationToken cancellationToken)
    {
        var key = await Api(settings).CreateKeyAsync(settings.Name!, settings.Scope, settings.TrustLevel, cancellationToken).ConfigureAwait(false);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(key);
        }
        else
        {
            output.Table(KeyView.Columns, [KeyView.Row(key)]);
            output.Line($"Secret (shown once, store it now): {ResourceJson.Text(key, "secret")}");
        }

        return ExitCodes.Success;
    }
}
