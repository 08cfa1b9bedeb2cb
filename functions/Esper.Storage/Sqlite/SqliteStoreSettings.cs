using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Storage.Sqlite;

/// <summary>The embedded store as the hosts configure it from their environment (documented in docs/stores.md).</summary>
public static class SqliteStoreSettings
{
    /// <summary>The directory that holds the database file; default <see cref="SqliteStoreOptions.DefaultDirectory"/>.</summary>
    public const string DataDirectory = "ESPER_DATA_DIR";

    /// <summary>
    /// <c>true</c>: several processes share the data directory (<see cref="SqliteStoreOptions.Shared"/>, slower); default
    /// <c>false</c>, one process owns it.
    /// </summary>
    public const string SharedDirectory = "ESPER_DATA_DIR_SHARED";

    /// <summary>
    /// Milliseconds a write waits for a lock another process holds before the request fails with 503
    /// (<see cref="SqliteStoreOptions.BusyTimeout"/>); default 5000.
    /// </summary>
    public const string BusyTimeout = "ESPER_SQLITE_BUSY_TIMEOUT_MS";

    /// <summary><c>ESPER_STORE=sqlite</c>: <see cref="SqliteStoreOptions.FileName"/> in <see cref="DataDirectory"/>.</summary>
    public static StoreChoice Choice { get; } = new("sqlite", static (environment, errors) =>
    {
        var directory = environment(DataDirectory)?.Trim() is { Length: > 0 } dir ? dir : SqliteStoreOptions.DefaultDirectory;
        var path = SqliteStoreOptions.PathIn(directory);
        bool shared;
        switch (environment(SharedDirectory)?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0":
                shared = false;
                break;
            case "true" or "1":
                shared = true;
                break;
            default:
                errors.Add($"{SharedDirectory} must be true or false.");
                return null;
        }

        TimeSpan? busy = null;
        if (environment(BusyTimeout)?.Trim() is { Length: > 0 } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                busy = TimeSpan.FromMilliseconds(ms);
            }
            else
            {
                errors.Add($"{BusyTimeout} must be a whole number of milliseconds, got '{text}'.");
                return null;
            }
        }

        return services => services.AddEsperSqliteStore(options =>
        {
            options.Path = path;
            options.Shared = shared;
            options.BusyTimeout = busy ?? options.BusyTimeout;
        });
    });
}
