using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Resources;

/// <summary>
/// <c>esper &lt;kind&gt; update --file</c>: replaces the resource the file's id names, guarded by the ETag just read
/// (<c>If-Match</c>), and rewrites its local copy.
/// </summary>
internal sealed class UpdateCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : KindCommand<FileSettings>(environment, apiFactory)
{
    public override async Task<int> ExecuteAsync(CommandContext context, FileSettings settings, CancellationToken cancellationToken)
    {
        var kind = KindOf(context);
        var file = ResourceFileLoader.Load(settings.File!, kind);
        var id = ResourceJson.Id(file.Resource) ?? throw new UsageException($"{file.Path}: field 'id' is required to update (apply --file creates when it is absent)");
        var api = Api(settings);
        var current = await api.GetAsync(kind, id, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiProblemException(404, "Not found", $"no {kind} with id '{id}' (apply --file creates it)", "id");
        var updated = await api.ReplaceAsync(kind, id, ResourceJson.ForSending(file.Resource), current.ETag, cancellationToken).ConfigureAwait(false);
        var copy = LocalData.Write(kind, updated.Resource);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(updated.Resource);
        }
        else
        {
            output.Line($"Updated {kind} {id} (local copy {copy}).");
        }

        return ExitCodes.Success;
    }
}
