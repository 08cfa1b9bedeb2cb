namespace Esper.Storage.AzureTables.Tests;

public sealed class AzureTablesStoreSettingsTests
{
    [Fact]
    public void Connection_string_wins_over_the_endpoint()
    {
        var options = AzureTablesStoreSettings.FromEnvironment(Read(new()
        {
            ["ESPER_AZURE_TABLES_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
            ["ESPER_AZURE_TABLES_ENDPOINT"] = "https://account.table.core.windows.net",
            ["ESPER_AZURE_TABLES_TABLE"] = "esper",
            ["ESPER_AZURE_TABLES_CREATE_TABLE"] = "true",
        }));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Null(options.Endpoint);
        Assert.Equal("esper", options.TableName);
        Assert.True(options.CreateTableIfMissing);
    }

    [Fact]
    public void Endpoint_alone_leaves_the_credential_to_the_default_chain()
    {
        var options = AzureTablesStoreSettings.FromEnvironment(Read(new()
        {
            ["ESPER_AZURE_TABLES_ENDPOINT"] = "https://account.table.core.windows.net",
            ["ESPER_AZURE_TABLES_TABLE"] = "esper",
        }));

        Assert.Equal(new Uri("https://account.table.core.windows.net"), options.Endpoint);
        Assert.Null(options.ConnectionString);
        Assert.Null(options.Credential);
        Assert.False(options.CreateTableIfMissing);
    }

    [Theory]
    [InlineData("ESPER_AZURE_TABLES_TABLE", "")]
    [InlineData("ESPER_AZURE_TABLES_ENDPOINT", "")]
    [InlineData("ESPER_AZURE_TABLES_ENDPOINT", "relative/path")]
    [InlineData("ESPER_AZURE_TABLES_CREATE_TABLE", "sometimes")]
    public void Missing_or_malformed_variable_is_named_in_the_error(string variable, string value)
    {
        var variables = new Dictionary<string, string>
        {
            ["ESPER_AZURE_TABLES_ENDPOINT"] = "https://account.table.core.windows.net",
            ["ESPER_AZURE_TABLES_TABLE"] = "esper",
            [variable] = value,
        };

        var error = Assert.Throws<ArgumentException>(() => AzureTablesStoreSettings.FromEnvironment(Read(variables)));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Read(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);
}
