namespace Esper.Storage.AzureTables;

/// <summary>Reads <see cref="AzureTablesStoreOptions"/> from the host's environment variables (documented in docs/stores.md).</summary>
public static class AzureTablesStoreSettings
{
    public const string ConnectionString = "ESPER_AZURE_TABLES_CONNECTION_STRING";
    public const string Endpoint = "ESPER_AZURE_TABLES_ENDPOINT";
    public const string Table = "ESPER_AZURE_TABLES_TABLE";
    public const string CreateTable = "ESPER_AZURE_TABLES_CREATE_TABLE";

    /// <summary>
    /// Options from <paramref name="read"/> (usually <see cref="Environment.GetEnvironmentVariable(string)"/>); the
    /// credential for an endpoint is left null, which means <c>DefaultAzureCredential</c>. Throws naming the
    /// variable that is missing or malformed.
    /// </summary>
    public static AzureTablesStoreOptions FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string? table = NonEmpty(read(Table)) ?? throw new ArgumentException($"{Table} must be set.", nameof(read));
        string? connectionString = NonEmpty(read(ConnectionString));
        Uri? endpoint = null;
        if (connectionString is null)
        {
            string url = NonEmpty(read(Endpoint)) ?? throw new ArgumentException($"{ConnectionString} or {Endpoint} must be set.", nameof(read));
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint))
            {
                throw new ArgumentException($"{Endpoint} must be an absolute URL, got '{url}'.", nameof(read));
            }
        }

        string? flag = NonEmpty(read(CreateTable));
        bool create = flag switch
        {
            null or "0" => false,
            "1" => true,
            _ when bool.TryParse(flag, out bool value) => value,
            _ => throw new ArgumentException($"{CreateTable} must be true or false, got '{flag}'.", nameof(read)),
        };

        return new AzureTablesStoreOptions { ConnectionString = connectionString, Endpoint = endpoint, TableName = table, CreateTableIfMissing = create };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
