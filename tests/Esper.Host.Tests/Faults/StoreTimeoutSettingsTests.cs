using Esper.Api;
using Esper.Host;
using Esper.Storage.AzureTables;
using Esper.Storage.DynamoDb;
using Esper.Storage.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.Faults;

/// <summary>The cloud stores' clients give up within the configured attempt timeout and retries, not the SDKs' minutes.</summary>
public sealed class StoreTimeoutSettingsTests
{
    [Fact]
    public void Dynamodb_client_gets_a_five_second_attempt_timeout_and_one_retry_unless_set()
    {
        var defaults = DynamoDbKeyValueStore.ClientConfig(DynamoDbStoreSettings.Read(Variables("ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1"), [])!);
        var set = DynamoDbKeyValueStore.ClientConfig(DynamoDbStoreSettings.Read(Variables("ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_TIMEOUT_MS=750;ESPER_DYNAMODB_MAX_RETRIES=0"), [])!);

        Assert.Equal(TimeSpan.FromSeconds(5), defaults.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.ConnectTimeout);
        Assert.Equal(1, defaults.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromMilliseconds(750), set.Timeout);
        Assert.Equal(0, set.MaxErrorRetry);
    }

    [Fact]
    public void Azure_tables_client_gets_a_five_second_network_timeout_and_one_retry_unless_set()
    {
        var defaults = AzureTablesKeyValueStore.ClientOptions(AzureTablesStoreSettings.Read(Variables("ESPER_AZURE_TABLES_TABLE=esper;ESPER_AZURE_TABLES_ENDPOINT=http://127.0.0.1:1"), [])!);
        var set = AzureTablesKeyValueStore.ClientOptions(AzureTablesStoreSettings.Read(Variables("ESPER_AZURE_TABLES_TABLE=esper;ESPER_AZURE_TABLES_ENDPOINT=http://127.0.0.1:1;ESPER_AZURE_TABLES_TIMEOUT_MS=500;ESPER_AZURE_TABLES_MAX_RETRIES=3"), [])!);

        Assert.Equal(TimeSpan.FromSeconds(5), defaults.Retry.NetworkTimeout);
        Assert.Equal(1, defaults.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(500), set.Retry.NetworkTimeout);
        Assert.Equal(3, set.Retry.MaxRetries);
    }

    [Theory]
    [InlineData("sqlite", "SQLite")]
    [InlineData("dynamodb", "DynamoDB")]
    [InlineData("azuretables", "Azure Tables")]
    public void Each_store_registers_its_own_outage_classifier(string store, string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ESPER_STORE"] = store,
            ["ESPER_DATA_DIR"] = Path.GetTempPath(),
            ["ESPER_DYNAMODB_TABLE"] = "esper",
            ["ESPER_DYNAMODB_REGION"] = "eu-west-1",
            ["ESPER_AZURE_TABLES_TABLE"] = "esper",
            ["ESPER_AZURE_TABLES_ENDPOINT"] = "http://127.0.0.1:1",
        }).Build();
        var services = new ServiceCollection();

        services.AddEsperApi(HostSettings.Read(configuration, out _)!);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(name, provider.GetRequiredService<StoreFaults>().StoreName);
    }

    private static Func<string, string?> Variables(string variables)
    {
        var values = variables.Split(';').Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        return name => values.GetValueOrDefault(name);
    }
}
