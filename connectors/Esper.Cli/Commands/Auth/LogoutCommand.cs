using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Auth;

/// <summary><c>esper auth logout</c>: removes the profile's stored API key and operator token.</summary>
internal sealed class LogoutCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<GlobalSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var profile = settings.Profile ?? new WorkspaceStore(Home).Load().CurrentProfile;
        var store = new CredentialStore(Home);
        var had = store.Get(profile);
        store.Set(profile, new ProfileCredentials(null, null));
        var removed = new[] { had.ApiKey is null ? null : "API key", had.OperatorToken is null ? null : "operator token" }.OfType<string>().ToList();
        Out(settings).Line(removed.Count == 0
            ? $"No stored credentials for profile '{profile}'."
            : $"Removed the {string.Join(" and ", removed)} of profile '{profile}'.");
        return Task.FromResult(ExitCodes.Success);
    }
}
