using Esper.Api;
using Esper.Functions.Azure.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Esper.Functions.Azure;

/// <summary>Entry point of the isolated worker.</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        var settings = FunctionSettings.Read(builder.Configuration);
        builder.Services.AddEsperFunctions(settings);
        using var host = builder.Build();

        var createdKey = await EsperBootstrap.EnsureDefaultTenantAsync(host.Services, settings.BootstrapAdminKey).ConfigureAwait(false);
        if (createdKey is not null)
        {
            // Shown once, like the local host does; deployments should set ESPER_BOOTSTRAP_ADMIN_KEY instead.
            await Console.Out.WriteLineAsync($"Created the default tenant's admin API key (shown once): {createdKey}").ConfigureAwait(false);
        }

        await host.RunAsync().ConfigureAwait(false);
    }
}
