using System.Globalization;
using Esper.Storage.AzureTables;
using Microsoft.Extensions.Configuration;

namespace Esper.Functions.Azure.Composition;

/// <summary>
/// The app's settings, read from app settings (environment variables) with the same names the ASP.NET Core host
/// uses; local.settings.example.json and docs/deploy-azure.md list each with its default.
/// </summary>
internal sealed class FunctionSettings
{
    public const string AzureTables = "azuretables";

    public required AzureTablesStoreOptions TableOptions { get; init; }

    public string? OperatorToken { get; init; }

    public int? RateLimitPerMinute { get; init; }

    public string? BootstrapAdminKey { get; init; }

    public static FunctionSettings Read(IConfiguration configuration)
    {
        var store = Value(configuration, "ESPER_STORE")?.ToLowerInvariant() ?? AzureTables;
        if (store != AzureTables)
        {
            throw new InvalidOperationException($"ESPER_STORE '{store}' is not available in the Azure Functions app: it supports '{AzureTables}'.");
        }

        var connectionString = Value(configuration, "ESPER_AZURE_TABLES_CONNECTION_STRING");
        var endpoint = Value(configuration, "ESPER_AZURE_TABLES_ENDPOINT");
        if (connectionString is null && endpoint is null)
        {
            throw new InvalidOperationException("ESPER_STORE=azuretables needs ESPER_AZURE_TABLES_CONNECTION_STRING or ESPER_AZURE_TABLES_ENDPOINT.");
        }

        Uri? endpointUri = null;
        if (connectionString is null && !Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri))
        {
            throw new InvalidOperationException($"ESPER_AZURE_TABLES_ENDPOINT '{endpoint}' is not an absolute URL.");
        }

        int? perMinute = null;
        if (Value(configuration, "ESPER_RATE_LIMIT_PER_MINUTE") is { } rateLimit)
        {
            perMinute = int.TryParse(rateLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ESPER_RATE_LIMIT_PER_MINUTE '{rateLimit}' is not a whole number of requests (0 disables the limit).");
        }

        return new FunctionSettings
        {
            TableOptions = new AzureTablesStoreOptions
            {
                ConnectionString = connectionString,
                Endpoint = endpointUri,
                TableName = Value(configuration, "ESPER_AZURE_TABLES_TABLE") ?? "esper",
                CreateTableIfMissing = string.Equals(Value(configuration, "ESPER_CREATE_TABLES"), "true", StringComparison.OrdinalIgnoreCase),
            },
            OperatorToken = Value(configuration, "ESPER_OPERATOR_TOKEN"),
            RateLimitPerMinute = perMinute,
            BootstrapAdminKey = Value(configuration, "ESPER_BOOTSTRAP_ADMIN_KEY"),
        };
    }

    private static string? Value(IConfiguration configuration, string name)
    {
        var value = configuration[name]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
