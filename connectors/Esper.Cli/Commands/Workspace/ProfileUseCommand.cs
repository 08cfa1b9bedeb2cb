using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands.Workspace;

/// <summary><c>esper profile use &lt;name&gt;</c>: makes a profile the current one (kept in config.yaml).</summary>
internal sealed class ProfileUseCommand(CliEnvironment environment, IEsperApiFactory apiFactory) : EsperCommand<ProfileNameSettings>(environment, apiFactory)
{
    public override Task<int> ExecuteAsync(CommandContext context, ProfileNameSettings settings, CancellationToken cancellationToken)
    {
        var store = new WorkspaceStore(Home);
        var config = store.Load();
        if (!config.Profiles.ContainsKey(settings.Name))
        {
            throw new UsageException($"No profile '{settings.Name}'; known: {(config.Profiles.Count == 0 ? "none (esper init)" : string.Join(", ", config.Profiles.Keys))}");
        }

        config.CurrentProfile = settings.Name;
        store.Save(config);
        Out(settings).Line($"Current profile: {settings.Name}");
        return Task.FromResult(ExitCodes.Success);
    }
}
