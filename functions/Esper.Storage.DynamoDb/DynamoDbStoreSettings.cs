namespace Esper.Storage.DynamoDb;

/// <summary>Reads <see cref="DynamoDbStoreOptions"/> from the host's environment variables (documented in docs/stores.md).</summary>
public static class DynamoDbStoreSettings
{
    public const string Table = "ESPER_DYNAMODB_TABLE";
    public const string Region = "ESPER_DYNAMODB_REGION";
    public const string ServiceUrl = "ESPER_DYNAMODB_SERVICE_URL";
    public const string CreateTable = "ESPER_DYNAMODB_CREATE_TABLE";

    /// <summary>The AWS SDK's own region variable, used when <see cref="Region"/> is not set.</summary>
    public const string AwsRegion = "AWS_REGION";

    /// <summary>Options from <paramref name="read"/> (usually <see cref="Environment.GetEnvironmentVariable(string)"/>); throws naming the variable that is missing or malformed.</summary>
    public static DynamoDbStoreOptions FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string table = Required(read, Table);
        string region = NonEmpty(read(Region)) ?? NonEmpty(read(AwsRegion))
            ?? throw new ArgumentException($"{Region} (or {AwsRegion}) must name the table's AWS region.", nameof(read));
        Uri? serviceUrl = null;
        if (NonEmpty(read(ServiceUrl)) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out serviceUrl))
        {
            throw new ArgumentException($"{ServiceUrl} must be an absolute URL, got '{url}'.", nameof(read));
        }

        return new DynamoDbStoreOptions
        {
            TableName = table,
            Region = region,
            ServiceUrl = serviceUrl,
            CreateTableIfMissing = Flag(read, CreateTable),
        };
    }

    internal static string Required(Func<string, string?> read, string name) =>
        NonEmpty(read(name)) ?? throw new ArgumentException($"{name} must be set.", nameof(read));

    internal static bool Flag(Func<string, string?> read, string name) => NonEmpty(read(name)) switch
    {
        null => false,
        var value when bool.TryParse(value, out bool flag) => flag,
        "1" => true,
        "0" => false,
        var value => throw new ArgumentException($"{name} must be true or false, got '{value}'.", nameof(read)),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
