using Esper.Storage.Faults;
using Esper.Storage.KeyValue;
using Esper.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded SQLite store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteKeyValueStore"/> as the singleton <see cref="IKeyValueStore"/> (unless one is
    /// already registered), on the registered <see cref="TimeProvider"/> or the system clock. The options are
    /// validated here, at start-up. Its <see cref="StoreFaults"/> tell a locked, read-only or full database from a defect.
    /// </summary>
    public static IServiceCollection AddEsperSqliteStore(this IServiceCollection services, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new SqliteStoreOptions();
        configure?.Invoke(options);
        options.Validate();
#pragma warning disable RS0030 // A composition root: the system clock unless one is registered.
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.TryAddSingleton(options);
        services.TryAddSingleton<SqliteKeyValueStore>(static provider => new SqliteKeyValueStore(
            provider.GetRequiredService<SqliteStoreOptions>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IKeyValueStore>(static provider => provider.GetRequiredService<SqliteKeyValueStore>());
        services.TryAddSingleton<StoreFaults>(SqliteFaults.Instance);
        return services;
    }
}
