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
    public static IKeyValueStore Create(AzureTablesStoreOptions options, TimeProvider timeProvider) =>
        Create(CreateClient(options), options, timeProvider);

    /// <summary>The table client for <paramref name="options"/>, as <see cref="Create(AzureTablesStoreOptions, TimeProvider)"/> builds it.</summary>
    public static TableClient CreateClient(AzureTablesStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableClient(options.ConnectionString, options.TableName, ClientOptions(options));
        }

        if (options.Endpoint is { } endpoint)
        {
            return new TableClient(endpoint, options.TableName, options.Credential ?? new DefaultAzureCredential(), ClientOptions(options));
        }

        throw new ArgumentException("Azure Tables needs a connection string or an endpoint.", nameof(options));
    }

    /// <summary>The SDK options for <paramref name="options"/>: the attempt timeout and retries that bound how long an unreachable table service holds a request.</summary>
    public static TableClientOptions ClientOptions(AzureTablesStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new TableClientOptions();
        client.Retry.NetworkTimeout = options.RequestTimeout;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Mode = Azure.Core.RetryMode.Exponential;
        client.Retry.Delay = TimeSpan.FromMilliseconds(200);
        client.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        return client;
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
