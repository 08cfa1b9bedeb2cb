using Esper.Api;
using Esper.Functions.Azure.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Functions.Azure.Tests.Composition;

/// <summary>
/// The app's real service registration (settings read from app settings, shared handler, store) in this process:
/// the worker's own gRPC host is the one part left out, as the Functions host cannot run here.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    public const string AdminKey = "esk_default_00112233445566778899aabbccddeeff0011223344556677";

    private readonly ServiceProvider _services;

    private FunctionsApp(ServiceProvider services) => _services = services;

    public static async Task<FunctionsApp> StartAsync(IDictionary<string, string?> appSettings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(appSettings).Build();
        var settings = FunctionSettings.Read(configuration);
        var services = new ServiceCollection().AddLogging().AddEsperFunctions(settings).BuildServiceProvider();
        await EsperBootstrap.EnsureDefaultTenantAsync(services, settings.BootstrapAdminKey);
        return new FunctionsApp(services);
    }

    public static Dictionary<string, string?> SqliteSettings(string dataDirectory) => new()
    {
        ["ESPER_STORE"] = "sqlite",
        ["ESPER_DATA_DIR"] = dataDirectory,
        ["ESPER_BOOTSTRAP_ADMIN_KEY"] = AdminKey,
    };

    /// <summary>A function class as the worker creates it: constructor arguments from the app's services.</summary>
    public T Functions<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
