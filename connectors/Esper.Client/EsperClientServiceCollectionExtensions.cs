using Esper.Client;
using Esper.Client.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IEsperClient"/>.</summary>
public static class EsperClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEsperClient"/> configured by <paramref name="configure"/>; unset <c>ApiUrl</c>/<c>ApiKey</c>
    /// fall back to <c>ESPER_API_URL</c>/<c>ESPER_API_KEY</c>. Options are validated when the app starts.
    /// </summary>
    public static IServiceCollection AddEsperClient(this IServiceCollection services, Action<EsperClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<EsperClientOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services.AddEsperClientCore();
    }

    /// <summary>Registers <see cref="IEsperClient"/> bound to a configuration section (e.g. <c>Esper</c>), with the same fallbacks.</summary>
    public static IServiceCollection AddEsperClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<EsperClientOptions>().Configure(options => EsperClientConfiguration.Bind(section, options));
        return services.AddEsperClientCore();
    }

    private static IServiceCollection AddEsperClientCore(this IServiceCollection services)
    {
        services.AddOptions<EsperClientOptions>().ValidateOnStart();
        if (services.Any(static d => d.ServiceType == typeof(IEsperClient)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<EsperClientOptions>, EsperClientEnvironmentDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EsperClientOptions>, EsperClientOptionsValidator>());
        services.TryAddTransient<EsperApiKeyHandler>();
#pragma warning disable RS0030 // A composition root: the system clock unless one is registered.
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        EsperHttpPipelines.AddRuntime(services);
        EsperHttpPipelines.AddControl(services);
        services.TryAddSingleton<DecisionChannel>();
        services.TryAddTransient<IEsperClient, EsperClient>();
        return services;
    }
}
