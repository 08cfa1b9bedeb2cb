namespace Esper.Storage.DynamoDb;

/// <summary>Where the DynamoDB store keeps its items. See docs/stores.md for the matching environment variables.</summary>
public sealed class DynamoDbStoreOptions
{
    /// <summary>AWS region of the table, e.g. <c>eu-west-1</c>. Also signs requests to <see cref="ServiceUrl"/>.</summary>
    public required string Region { get; init; }

    /// <summary>Name of the one table that holds every item.</summary>
    public required string TableName { get; init; }

    /// <summary>Optional endpoint override for local emulators (dynalite, DynamoDB Local); null for AWS.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>
    /// Create the table (on-demand capacity, TTL on <c>expires_at</c>) on first use when it is missing.
    /// Off by default: in production the infrastructure code creates the table.
    /// </summary>
    public bool CreateTableIfMissing { get; init; }

    /// <summary>
    /// How long one HTTP attempt (connecting included) may take before it fails. Default 5 seconds: the SDK's own
    /// default (100 s, and an unbounded connect) would hold a decision for minutes while DynamoDB is unreachable,
    /// and a much shorter one would time out healthy calls on a loaded host, whose retry may apply a counter update twice.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a failed attempt (the SDK's standard backoff between them). Default 1; the SDK's own default for DynamoDB is 3.</summary>
    public int MaxRetries { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Region);
        ArgumentException.ThrowIfNullOrWhiteSpace(TableName);
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("DynamoDbStoreOptions.RequestTimeout must be more than zero and at most 5 minutes.", nameof(RequestTimeout));
        }

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException("DynamoDbStoreOptions.MaxRetries must be between 0 and 10.", nameof(MaxRetries));
        }
    }
}
