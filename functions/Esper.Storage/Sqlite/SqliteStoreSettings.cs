using Microsoft.Extensions.DependencyInjection;

namespace Esper.Storage.Sqlite;

/// <summary>The embedded store as the hosts configure it from their environment (documented in docs/stores.md).</summary>
public static class SqliteStoreSettings
{
    /// <summary>The directory that holds the database file; default <see cref="SqliteStoreOptions.DefaultDirectory"/>.</summary>
    public const string DataDirectory = "ESPER_DATA_DIR";

    /// <summary><c>ESPER_STORE=sqlite</c>: <see cref="SqliteStoreOptions.FileName"/> in <see cref="DataDirectory"/>.</summary>
    public static StoreChoice Choice { get; } = new("sqlite", static (environment, _) =>
    {
        var directory = environment(DataDirectory)?.Trim() is { Length: > 0 } dir ? dir : SqliteStoreOptions.DefaultDirectory;
        var path = SqliteStoreOptions.PathIn(directory);
        return services => services.AddEsperSqliteStore(options => options.Path = path);
    });
}
