using Esper.Storage.AzureTables;
using Esper.Storage.DynamoDb;
using Esper.Storage.KeyValue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Esper.Host;

/// <summary>Picks the key-value store by ESPER_STORE; every setting is documented in docs/stores.md.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// Registers the store named by <see cref="HostSettings.Store"/>. The cloud stores' settings are read here, at
    /// start-up, through <paramref name="read"/> (the host's configuration, which includes the environment), so a
    /// missing or malformed one stops the host with an error naming it instead of failing the first request.
    /// </summary>
    public static void AddEsperStore(this IServiceCollection services, HostSettings settings, Func<string, string?> read)
    {
        switch (settings.Store)
        {
            case "sqlite":
                var path = Path.Combine(Path.GetFullPath(settings.DataDir), "esper.db");
                services.AddEsperSqliteStore(options => options.Path = path);
                break;
            case "dynamodb":
                var dynamo = Read(settings.Store, () => DynamoDbStoreSettings.FromEnvironment(read));
                services.TryAddSingleton(TimeProvider.System);
                services.AddSingleton<IKeyValueStore>(sp => DynamoDbKeyValueStore.Create(dynamo, sp.GetRequiredService<TimeProvider>()));
                break;
            case "azuretables":
                var azure = Read(settings.Store, () => AzureTablesStoreSettings.FromEnvironment(read));
                services.TryAddSingleton(TimeProvider.System);
                services.AddSingleton<IKeyValueStore>(sp => AzureTablesKeyValueStore.Create(azure, sp.GetRequiredService<TimeProvider>()));
                break;
            default:
                throw new InvalidOperationException($"ESPER_STORE must be sqlite, dynamodb or azuretables, not '{settings.Store}'.");
        }
    }

    private static T Read<T>(string store, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException ex)
        {
            // The settings readers name the variable in the message; the parameter name would only add noise.
            var message = ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message;
            throw new InvalidOperationException($"ESPER_STORE={store}: {message}", ex);
        }
    }
}
