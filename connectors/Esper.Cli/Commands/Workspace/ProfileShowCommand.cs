using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

/// <summary><c>esper profile show [name]</c>: a profile's API base, tenant and which credential is stored.</summary>
internal sealed class ProfileShowCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<ProfileShowSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, ProfileShowSettings settings, CancellationToken cancellationToken)
    {
        var config = new WorkspaceStore(Home).Load();
        var name = settings.Name ?? settings.Profile ?? config.CurrentProfile;
        if (!config.Profiles.TryGetValue(name, out var profile))
        {
            throw new UsageException($"No profile '{name}' in {Home.ConfigFile} (esper init creates one).");
        }

        var credentials = new CredentialStore(Home).Get(name);
        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(ProfileView.Json(name, profile, credentials, name == config.CurrentProfile));
        }
        else
        {
            output.Table(ProfileView.Columns, [ProfileView.Row(name, profile, credentials, name == config.CurrentProfile)]);
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
