using Esper.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Connectors.Testing;

/// <summary>Builds an <see cref="IEsperClient"/> the way an app does, with a chance to add handlers to its HTTP clients.</summary>
internal static class ClientFactory
{
    public static ServiceProvider Build(Uri apiUrl, string apiKey, Action<EsperClientOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection().AddEsperClient(o =>
        {
            o.ApiUrl = apiUrl;
            o.ApiKey = apiKey;
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        return collection.BuildServiceProvider();
    }
}
