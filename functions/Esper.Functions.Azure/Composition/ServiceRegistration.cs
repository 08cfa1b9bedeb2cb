using Esper.Api;
using Esper.Functions.Azure.Http;
using Esper.Storage.AzureTables;
using Esper.Storage.KeyValue;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Functions.Azure.Composition;

/// <summary>Registers the shared handler, its store and the triggers' dispatcher.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddEsperFunctions(this IServiceCollection services, FunctionSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<FunctionDispatcher>();
        if (settings.SqlitePath is { } path)
        {
            services.AddEsperSqliteStore(options => options.Path = path);
        }
        else
        {
            services.AddSingleton<IKeyValueStore>(static sp =>
                AzureTablesKeyValueStore.Create(sp.GetRequiredService<FunctionSettings>().TableOptions!, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddEsperApi(settings.Api.ApplyTo);
        return services;
    }
}
