using Esper.Cli.Api;
using Esper.Cli.Infrastructure;
using Esper.Cli.Resources;
using Esper.Cli.Workspace;
using Spectre.Console.Cli;

namespace Esper.Cli.Commands;

/// <summary>What every command shares: its output, the workspace, and the API for the resolved connection.</summary>
internal abstract class EsperCommand<TSettings>(CliEnvironment environment, IEsperApiFactory apiFactory) : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected CliEnvironment Environment { get; } = environment;

    protected EsperHome Home => EsperHome.From(Environment);

    protected LocalData LocalData => new(Home);

    protected Output Out(TSettings settings) => new(Environment, settings.Format);

    protected Connection Connect(TSettings settings) => new ConnectionResolver(Environment).Resolve(settings);

    /// <summary>The API for this command; a usage error when no credential is configured.</summary>
    protected IEsperApi Api(TSettings settings)
    {
        var connection = Connect(settings);
        if (connection.Credential == CredentialKind.None)
        {
            throw new UsageException($"No credential for profile '{connection.Profile}': run esper init --api-base {connection.ApiBase} --api-key <secret>, or esper auth login --token <jwt>.");
        }

        return apiFactory.Create(connection);
    }
}
