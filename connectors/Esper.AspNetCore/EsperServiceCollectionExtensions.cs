using Esper.AspNetCore;
using Esper.Client;
using Esper.Client.Guard;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Esper middleware's services (pair with <c>app.UseEsper()</c>).</summary>
public static class EsperServiceCollectionExtensions
{
    /// <summary>
    /// Registers Esper with the <c>Esper</c> configuration section, falling back to the <c>ESPER_API_URL</c> and
    /// <c>ESPER_API_KEY</c> environment variables: with those two set, an app needs only this and <c>app.UseEsper()</c>.
    /// </summary>
    public static IServiceCollection AddEsper(this IServiceCollection services) => services.AddEsper(static _ => { });

    /// <summary>Registers Esper, then applies <paramref name="configure"/> over the configuration section's values.</summary>
    public static IServiceCollection AddEsper(this IServiceCollection services, Action<EsperOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (!services.Any(static d => d.ServiceType == typeof(EsperOptionsSetup)))
        {
            services.AddSingleton<EsperOptionsSetup>();
            services.AddSingleton<IConfigureOptions<EsperOptions>>(static sp => sp.GetRequiredService<EsperOptionsSetup>());
            services.AddSingleton<IConfigureOptions<EsperClientOptions>>(static sp => sp.GetRequiredService<EsperOptionsSetup>());
            services.AddSingleton<IValidateOptions<EsperOptions>>(static sp => sp.GetRequiredService<EsperOptionsSetup>());
        }

        services.AddOptions<EsperOptions>().Configure(configure).ValidateOnStart();
        services.AddEsperClient();
#pragma warning disable RS0030 // A composition root: the system clock unless one is registered.
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.TryAddSingleton(static sp => new EsperGuard(
            sp.GetRequiredService<IEsperClient>(),
            sp.GetRequiredService<IOptions<EsperOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EsperGuard>>()));
        services.TryAddSingleton(static sp => new EsperRequestGate(
            sp.GetRequiredService<EsperGuard>(),
            sp.GetRequiredService<IOptions<EsperOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
