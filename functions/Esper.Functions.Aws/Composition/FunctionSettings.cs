using System.Globalization;
using Esper.Storage.DynamoDb;

namespace Esper.Functions.Aws.Composition;

/// <summary>
/// The function's settings, read from environment variables with the same names the ASP.NET Core host uses
/// (docs/deploy-aws.md lists each with its default).
/// </summary>
internal sealed class FunctionSettings
{
    public const string DynamoDb = "dynamodb";

    /// <summary>ESPER_STORE: which store holds the state. The SAM template sets dynamodb.</summary>
    public required string Store { get; init; }

    public DynamoDbStoreOptions? DynamoDbOptions { get; init; }

    /// <summary>ESPER_OPERATOR_TOKEN: bearer token for tenant management; unset turns it off.</summary>
    public string? OperatorToken { get; init; }

    /// <summary>ESPER_RATE_LIMIT_PER_MINUTE: requests one API key may make per minute; 0 disables. Default 1200.</summary>
    public int? RateLimitPerMinute { get; init; }

    /// <summary>ESPER_BOOTSTRAP_ADMIN_KEY: the default tenant's admin key on first start.</summary>
    public string? BootstrapAdminKey { get; init; }

    public static bool TryRead(Func<string, string?> environment, out FunctionSettings? settings, out string? error)
    {
        settings = null;
        var store = Value(environment, "ESPER_STORE")?.ToLowerInvariant() ?? DynamoDb;
        if (store != DynamoDb)
        {
            error = $"ESPER_STORE '{store}' is not available in the AWS Lambda function: it supports '{DynamoDb}'.";
            return false;
        }

        var rateLimit = Value(environment, "ESPER_RATE_LIMIT_PER_MINUTE");
        int? perMinute = null;
        if (rateLimit is not null)
        {
            if (!int.TryParse(rateLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error = $"ESPER_RATE_LIMIT_PER_MINUTE '{rateLimit}' is not a whole number of requests (0 disables the limit).";
                return false;
            }

            perMinute = parsed;
        }

        var options = DynamoDbSettings(environment, out error);
        if (options is null)
        {
            return false;
        }

        settings = new FunctionSettings
        {
            Store = store,
            DynamoDbOptions = options,
            OperatorToken = Value(environment, "ESPER_OPERATOR_TOKEN"),
            RateLimitPerMinute = perMinute,
            BootstrapAdminKey = Value(environment, "ESPER_BOOTSTRAP_ADMIN_KEY"),
        };
        return true;
    }

    private static DynamoDbStoreOptions? DynamoDbSettings(Func<string, string?> environment, out string? error)
    {
        // Lambda sets AWS_REGION to the function's own region.
        var region = Value(environment, "ESPER_DYNAMODB_REGION") ?? Value(environment, "AWS_REGION");
        var table = Value(environment, "ESPER_DYNAMODB_TABLE");
        var serviceUrl = Value(environment, "ESPER_DYNAMODB_SERVICE_URL");
        if (region is null || table is null)
        {
            error = "ESPER_STORE=dynamodb needs ESPER_DYNAMODB_TABLE and a region (ESPER_DYNAMODB_REGION or AWS_REGION).";
            return null;
        }

        Uri? url = null;
        if (serviceUrl is not null && !Uri.TryCreate(serviceUrl, UriKind.Absolute, out url))
        {
            error = $"ESPER_DYNAMODB_SERVICE_URL '{serviceUrl}' is not an absolute URL.";
            return null;
        }

        error = null;
        return new DynamoDbStoreOptions
        {
            Region = region,
            TableName = table,
            ServiceUrl = url,
            CreateTableIfMissing = string.Equals(Value(environment, "ESPER_CREATE_TABLES"), "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static string? Value(Func<string, string?> environment, string name)
    {
        var value = environment(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
