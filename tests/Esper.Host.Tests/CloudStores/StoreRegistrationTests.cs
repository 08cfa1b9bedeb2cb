using Esper.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.CloudStores;

public sealed class StoreRegistrationTests
{
    [Theory]
    [InlineData("dynamodb", "ESPER_DYNAMODB_REGION=eu-west-1", "ESPER_STORE=dynamodb: ESPER_DYNAMODB_TABLE must be set")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper", "ESPER_DYNAMODB_REGION (or AWS_REGION)")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_CREATE_TABLE=maybe", "ESPER_DYNAMODB_CREATE_TABLE must be true or false")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_SERVICE_URL=not a url", "ESPER_DYNAMODB_SERVICE_URL must be an absolute URL")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_TIMEOUT_MS=fast", "ESPER_DYNAMODB_TIMEOUT_MS must be a whole number of milliseconds from 1 to 300000, got 'fast'")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_MAX_RETRIES=11", "ESPER_DYNAMODB_MAX_RETRIES must be a whole number of retries from 0 to 10, got '11'")]
    [InlineData("azuretables", "ESPER_AZURE_TABLES_TABLE=esper;ESPER_AZURE_TABLES_ENDPOINT=http://127.0.0.1:1;ESPER_AZURE_TABLES_TIMEOUT_MS=0", "ESPER_AZURE_TABLES_TIMEOUT_MS must be a whole number of milliseconds from 1 to 300000, got '0'")]
    [InlineData("sqlite", "ESPER_SQLITE_BUSY_TIMEOUT_MS=soon", "ESPER_SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds, got 'soon'")]
    [InlineData("azuretables", "ESPER_AZURE_TABLES_CONNECTION_STRING=UseDevelopmentStorage=true", "ESPER_STORE=azuretables: ESPER_AZURE_TABLES_TABLE must be set")]
    [InlineData("azuretables", "ESPER_AZURE_TABLES_TABLE=esper", "ESPER_AZURE_TABLES_CONNECTION_STRING or ESPER_AZURE_TABLES_ENDPOINT must be set")]
    [InlineData("mongodb", "", "ESPER_STORE 'mongodb' is not available in this host: it supports sqlite, dynamodb, azuretables")]
    public void Start_up_fails_with_an_error_naming_the_missing_or_malformed_setting(string store, string variables, string expected)
    {
        Assert.Null(HostSettings.Read(Configuration(store, variables), out var errors));

        Assert.Contains(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamodb_region_falls_back_to_the_sdk_variable()
    {
        var settings = HostSettings.Read(Configuration("dynamodb", "ESPER_DYNAMODB_TABLE=esper;AWS_REGION=eu-west-1"), out _)!;
        var services = new ServiceCollection();

        services.AddEsperApi(settings);

        Assert.Contains(services, d => d.ServiceType == typeof(IKeyValueStore));
    }

    private static IConfiguration Configuration(string store, string variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(variables.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).Select(v => new KeyValuePair<string, string?>(v[0], v[1]))
            .Append(new("ESPER_STORE", store))).Build();
}
