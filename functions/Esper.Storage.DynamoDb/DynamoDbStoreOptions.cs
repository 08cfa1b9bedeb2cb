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
}
