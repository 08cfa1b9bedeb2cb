using Amazon;
using Amazon.DynamoDBv2;

namespace Esper.Storage.DynamoDb;

/// <summary>Creates the DynamoDB implementation of <see cref="IKeyValueStore"/>.</summary>
public static class DynamoDbKeyValueStore
{
    /// <summary>
    /// A store on a client built from <paramref name="options"/>. Credentials come from the AWS SDK's default chain
    /// (environment variables, shared profile, SSO, container or instance role), never from configuration files of
    /// this repository.
    /// </summary>
    public static IKeyValueStore Create(DynamoDbStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable CA2000 // The client lives as long as the store, which lives as long as the host.
        return Create(new AmazonDynamoDBClient(ClientConfig(options)), options, timeProvider);
#pragma warning restore CA2000
    }

    /// <summary>A store on a client the caller configured (credentials, retries, endpoint).</summary>
    public static IKeyValueStore Create(IAmazonDynamoDB client, DynamoDbStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        return new DynamoDbStore(client, options, timeProvider);
    }

    /// <summary>
    /// The client configuration for <paramref name="options"/>: the region, or a local endpoint signed for it, and
    /// the attempt timeout and retries that bound how long an unreachable DynamoDB holds a request.
    /// </summary>
    public static AmazonDynamoDBConfig ClientConfig(DynamoDbStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = new AmazonDynamoDBConfig
        {
            Timeout = options.RequestTimeout,
            ConnectTimeout = options.RequestTimeout,
            MaxErrorRetry = options.MaxRetries,
        };
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }
}
