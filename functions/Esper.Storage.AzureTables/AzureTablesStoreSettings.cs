using Esper.Storage.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Esper.Storage.AzureTables;

/// <summary>Reads <see cref="AzureTablesStoreOptions"/> from the host's environment variables (documented in docs/stores.md).</summary>
public static class AzureTablesStoreSettings
{
    /// <summary>A storage connection string; wins over <see cref="Endpoint"/>.</summary>
    public const string ConnectionString = "ESPER_AZURE_TABLES_CONNECTION_STRING";

    /// <summary>The table service endpoint, used with <c>DefaultAzureCredential</c> when no connection string is set.</summary>
    public const string Endpoint = "ESPER_AZURE_TABLES_ENDPOINT";

    /// <summary>The table's name; required.</summary>
    public const string Table = "ESPER_AZURE_TABLES_TABLE";

    /// <summary>true creates the table when it is missing; default false.</summary>
    public const string CreateTable = "ESPER_AZURE_TABLES_CREATE_TABLE";

    /// <summary>Milliseconds one HTTP attempt may take (<see cref="AzureTablesStoreOptions.RequestTimeout"/>); default 5000.</summary>
    public const string Timeout = "ESPER_AZURE_TABLES_TIMEOUT_MS";

    /// <summary>Retries after a failed attempt (<see cref="AzureTablesStoreOptions.MaxRetries"/>); default 1.</summary>
    public const string MaxRetries = "ESPER_AZURE_TABLES_MAX_RETRIES";

    /// <summary><c>ESPER_STORE=azuretables</c>: these settings, and the store on the registered <see cref="TimeProvider"/>.</summary>
    public static StoreChoice Choice { get; } = new("azuretables", static (environment, errors) =>
        Read(environment, errors) is { } options
            ? services =>
            {
                services.AddSingleton<IKeyValueStore>(sp => AzureTablesKeyValueStore.Create(options, sp.GetRequiredService<TimeProvider>()));
                services.TryAddSingleton<StoreFaults>(AzureTablesFaults.Instance);
            }
            : null);

    /// <summary>
    /// Options from <paramref name="read"/>, or null after adding one message per missing or malformed variable
    /// (naming it) to <paramref name="errors"/>. The credential for an endpoint is left null, which means
    /// <c>DefaultAzureCredential</c>.
    /// </summary>
    public static AzureTablesStoreOptions? Read(Func<string, string?> read, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var table = NonEmpty(read(Table));
        if (table is null)
        {
            errors.Add($"{Table} must be set.");
        }

        var connectionString = NonEmpty(read(ConnectionString));
        Uri? endpoint = null;
        if (connectionString is null)
        {
            var url = NonEmpty(read(Endpoint));
            if (url is null)
            {
                errors.Add($"{ConnectionString} or {Endpoint} must be set.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint))
            {
                errors.Add($"{Endpoint} must be an absolute URL, got '{url}'.");
            }
        }

        var flag = NonEmpty(read(CreateTable));
        var create = false;
        if (flag is "1")
        {
            create = true;
        }
        else if (flag is not (null or "0") && !bool.TryParse(flag, out create))
        {
            errors.Add($"{CreateTable} must be true or false, got '{flag}'.");
        }

        var timeout = StoreSettingText.WholeNumber(read, Timeout, 5000, 1, 300_000, "milliseconds", errors);
        var retries = StoreSettingText.WholeNumber(read, MaxRetries, 1, 0, 10, "retries", errors);
        return errors.Count > before ? null : new AzureTablesStoreOptions
        {
            ConnectionString = connectionString,
            Endpoint = endpoint,
            TableName = table!,
            CreateTableIfMissing = create,
            RequestTimeout = TimeSpan.FromMilliseconds(timeout),
            MaxRetries = retries,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
