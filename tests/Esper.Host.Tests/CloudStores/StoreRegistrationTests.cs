using Microsoft.Extensions.DependencyInjection;

namespace Esper.Host.Tests.CloudStores;

public sealed class StoreRegistrationTests
{
    [Theory]
    [InlineData("dynamodb", "", "ESPER_DYNAMODB_TABLE must be set")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper", "ESPER_DYNAMODB_REGION (or AWS_REGION)")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_CREATE_TABLE=maybe", "ESPER_DYNAMODB_CREATE_TABLE must be true or false")]
    [InlineData("dynamodb", "ESPER_DYNAMODB_TABLE=esper;ESPER_DYNAMODB_REGION=eu-west-1;ESPER_DYNAMODB_SERVICE_URL=not a url", "ESPER_DYNAMODB_SERVICE_URL must be an absolute URL")]
    [InlineData("azuretables", "", "ESPER_AZURE_TABLES_TABLE must be set")]
    [InlineData("azuretables", "ESPER_AZURE_TABLES_TABLE=esper", "ESPER_AZURE_TABLES_CONNECTION_STRING or ESPER_AZURE_TABLES_ENDPOINT must be set")]
    [InlineData("mongodb", "", "ESPER_STORE must be sqlite, dynamodb or azuretables")]
    public void Start_up_fails_with_an_error_naming_the_missing_or_malformed_setting(string store, string variables, string expected)
    {
        var values = variables.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        var settings = new HostSettings { Store = store, DataDir = "unused" };

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEsperStore(settings, name => values.GetValueOrDefault(name)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dynamodb_region_falls_back_to_the_sdk_variable()
    {
        var values = new Dictionary<string, string> { ["ESPER_DYNAMODB_TABLE"] = "esper", ["AWS_REGION"] = "eu-west-1" };
        var services = new ServiceCollection();

        services.AddEsperStore(new HostSettings { Store = "dynamodb", DataDir = "unused" }, name => values.GetValueOrDefault(name));

        Assert.Contains(services, d => d.ServiceType == typeof(IKeyValueStore));
    }
}
