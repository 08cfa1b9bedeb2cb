using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

/// <summary><c>esper profile add &lt;name&gt;</c>: registers (or replaces) a profile without switching to it.</summary>
internal sealed class ProfileAddCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<ProfileAddSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, ProfileAddSettings settings, CancellationToken cancellationToken)
    {
        var store = new WorkspaceStore(Home);
        var config = store.Load();
        var first = config.Profiles.Count == 0;
        var profile = new ProfileConfig { ApiBase = settings.ApiBase!.TrimEnd('/'), TenantId = settings.TenantId ?? Connection.TenantOfKey(settings.ApiKey) };
        config.Profiles[settings.Name] = profile;
        if (first)
        {
            config.CurrentProfile = settings.Name;
        }

        store.Save(config);
        var credentials = new CredentialStore(Home);
        if (settings.ApiKey is not null)
        {
            credentials.Set(settings.Name, credentials.Get(settings.Name) with { ApiKey = settings.ApiKey });
        }

        var output = Out(settings);
        if (output.IsJson)
        {
            output.Json(ProfileView.Json(settings.Name, profile, credentials.Get(settings.Name), config.CurrentProfile == settings.Name));
        }
        else
        {
            output.Line($"Profile '{settings.Name}' added ({profile.ApiBase}). Switch with: esper profile use {settings.Name}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
