using Esper.Cli.Workspace;
using Esper.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Cli.Api;

/// <summary>Builds Esper.Client for one connection: its API base, its credential, and a 30 s limit per control call.</summary>
internal sealed class EsperApiFactory : IEsperApiFactory
{
    public IEsperApi Create(Connection connection)
    {
        var services = new ServiceCollection();
        services.AddEsperClient(options =>
        {
            options.ApiUrl = connection.ApiBase;
            options.ApiKey = connection.Secret;
            options.ControlTimeout = TimeSpan.FromSeconds(30);
        });
        if (connection.Credential == CredentialKind.OperatorToken)
        {
            services.AddTransient<OperatorTokenHandler>();
            services.AddHttpClient(EsperHttpClients.Control).AddHttpMessageHandler<OperatorTokenHandler>();
        }

        // The process ends after one command; the provider lives as long as it.
        var provider = services.BuildServiceProvider();
        return new ClientEsperApi(provider.GetRequiredService<IEsperClient>(), connection.ApiBase.ToString().TrimEnd('/'));
    }
}
