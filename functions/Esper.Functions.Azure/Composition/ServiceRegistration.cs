using Esper.Api;
using Esper.Functions.Azure.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Functions.Azure.Composition;

/// <summary>Registers the shared handler, its store and the triggers' dispatcher.</summary>
internal static class ServiceRegistration
{
    public static IServiceCollection AddEsperFunctions(this IServiceCollection services, EsperSettings settings)
    {
        services.AddSingleton<FunctionDispatcher>();
        return services.AddEsperApi(settings);
    }
}
