using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Auth;

/// <summary><c>esper auth login --token</c>: stores an operator token for the profile (an API key, when configured, still wins).</summary>
internal sealed class LoginCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<LoginSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, LoginSettings settings, CancellationToken cancellationToken)
    {
        var config = new WorkspaceStore(Home).Load();
        var profile = settings.Profile ?? config.CurrentProfile;
        if (!config.Profiles.ContainsKey(profile))
        {
            throw new UsageException($"No profile '{profile}': run esper init --api-base <url> first.");
        }

        var store = new CredentialStore(Home);
        var credentials = store.Get(profile) with { OperatorToken = settings.Token!.Trim() };
        store.Set(profile, credentials);
        var output = Out(settings);
        output.Line($"Operator token stored for profile '{profile}' in {Home.CredentialsFile} (mode 0600).");
        if (credentials.ApiKey is not null)
        {
            output.Line("Note: this profile also has an API key, which takes precedence; esper auth whoami shows which one is used.");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
