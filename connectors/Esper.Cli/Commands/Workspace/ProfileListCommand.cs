using System.Text.Json.Nodes;
using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

/// <summary><c>esper profile list</c>: every profile, the current one marked.</summary>
internal sealed class ProfileListCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GlobalSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var config = new WorkspaceStore(Home).Load();
        var credentials = new CredentialStore(Home);
        var profiles = config.Profiles.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(new JsonArray([.. profiles.Select(p => (JsonNode)ProfileView.Json(p.Key, p.Value, credentials.Get(p.Key), p.Key == config.CurrentProfile))]));
        }
        else
        {
            output.Table(ProfileView.Columns, profiles.Select(p => ProfileView.Row(p.Key, p.Value, credentials.Get(p.Key), p.Key == config.CurrentProfile)));
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
