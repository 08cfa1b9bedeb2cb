using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host;

/// <summary>Picks the key-value store by ESPER_STORE. Each cloud store adds its case here.</summary>
internal static class StoreRegistration
{
    public static void AddEsperStore(this IServiceCollection services, HostSettings settings)
    {
        switch (settings.Store)
        {
            case "sqlite":
                var path = Path.Combine(Path.GetFullPath(settings.DataDir), "esper.db");
                services.AddEsperSqliteStore(options => options.Path = path);
                break;
            case "dynamodb":
            case "azuretables":
                // The cloud stores register here (their settings are read from ESPER_DYNAMODB_* / ESPER_AZURETABLES_*).
                throw new InvalidOperationException($"ESPER_STORE={settings.Store} is not available in this host build yet; use sqlite.");
            default:
                throw new InvalidOperationException($"ESPER_STORE must be sqlite, dynamodb or azuretables, not '{settings.Store}'.");
        }
    }
}
