namespace Esper.Storage.AzureTables.Tests;

public sealed class AzureTablesStoreSettingsTests
{
    [Fact]
    public void Connection_string_wins_over_the_endpoint()
    {
        var options = Options(Read(new()
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
        var options = Options(Read(new()
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

        var errors = new List<string>();

        Assert.Null(AzureTablesStoreSettings.Read(Read(variables), errors));
        Assert.Contains(variable, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_variable_is_reported_at_once()
    {
        var errors = new List<string>();

        Assert.Null(AzureTablesStoreSettings.Read(Read(new() { ["ESPER_AZURE_TABLES_CREATE_TABLE"] = "maybe" }), errors));
        Assert.Equal(3, errors.Count);
    }

    private static AzureTablesStoreOptions Options(Func<string, string?> read)
    {
        var errors = new List<string>();
        var options = AzureTablesStoreSettings.Read(read, errors);
        Assert.Empty(errors);
        return options!;
    }

    private static Func<string, string?> Read(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);
}
