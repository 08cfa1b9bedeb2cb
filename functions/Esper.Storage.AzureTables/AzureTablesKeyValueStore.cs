using Azure.Data.Tables;
using Azure.Identity;

namespace Esper.Storage.AzureTables;

/// <summary>Creates the Azure Table Storage implementation of <see cref="IKeyValueStore"/>.</summary>
public static class AzureTablesKeyValueStore
{
    /// <summary>
    /// A store on a client built from <paramref name="options"/>: the connection string when given, otherwise the
    /// endpoint with <see cref="AzureTablesStoreOptions.Credential"/> or, when that is null, <c>DefaultAzureCredential</c>
    /// (managed identity on Azure, environment variables or developer logins elsewhere).
    /// </summary>
    public static IKeyValueStore Create(AzureTablesStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName);
        TableClient client;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            client = new TableClient(options.ConnectionString, options.TableName);
        }
        else if (options.Endpoint is { } endpoint)
        {
            client = new TableClient(endpoint, options.TableName, options.Credential ?? new DefaultAzureCredential());
        }
        else
        {
            throw new ArgumentException("Azure Tables needs a connection string or an endpoint.", nameof(options));
        }

        return Create(client, options, timeProvider);
    }

    /// <summary>A store on a table client the caller configured.</summary>
    public static IKeyValueStore Create(TableClient client, AzureTablesStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new AzureTablesStore(client, options.CreateTableIfMissing, timeProvider);
    }
}
