namespace Esper.Storage.DynamoDb.Tests;

public sealed class DynamoDbStoreSettingsTests
{
    [Fact]
    public void Every_variable_maps_to_its_option()
    {
        var options = Options(Read(new()
        {
            ["ESPER_DYNAMODB_TABLE"] = "esper",
            ["ESPER_DYNAMODB_REGION"] = "eu-west-1",
            ["ESPER_DYNAMODB_SERVICE_URL"] = "http://127.0.0.1:4567",
            ["ESPER_DYNAMODB_CREATE_TABLE"] = "true",
        }));

        Assert.Equal("esper", options.TableName);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(new Uri("http://127.0.0.1:4567"), options.ServiceUrl);
        Assert.True(options.CreateTableIfMissing);
    }

    [Fact]
    public void Region_falls_back_to_aws_region_and_table_creation_is_off_by_default()
    {
        var options = Options(Read(new() { ["ESPER_DYNAMODB_TABLE"] = "esper", ["AWS_REGION"] = "us-east-2" }));

        Assert.Equal("us-east-2", options.Region);
        Assert.Null(options.ServiceUrl);
        Assert.False(options.CreateTableIfMissing);
    }

    [Theory]
    [InlineData("ESPER_DYNAMODB_TABLE", "")]
    [InlineData("ESPER_DYNAMODB_CREATE_TABLE", "maybe")]
    [InlineData("ESPER_DYNAMODB_SERVICE_URL", "not a url")]
    public void Missing_or_malformed_variable_is_named_in_the_error(string variable, string value)
    {
        var variables = new Dictionary<string, string> { ["ESPER_DYNAMODB_TABLE"] = "esper", ["ESPER_DYNAMODB_REGION"] = "eu-west-1", [variable] = value };

        var errors = new List<string>();

        Assert.Null(DynamoDbStoreSettings.Read(Read(variables), errors));
        Assert.Contains(variable, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_variable_is_reported_at_once()
    {
        var errors = new List<string>();

        Assert.Null(DynamoDbStoreSettings.Read(Read(new() { ["ESPER_DYNAMODB_CREATE_TABLE"] = "maybe" }), errors));
        Assert.Equal(3, errors.Count);
    }

    private static DynamoDbStoreOptions Options(Func<string, string?> read)
    {
        var errors = new List<string>();
        var options = DynamoDbStoreSettings.Read(read, errors);
        Assert.Empty(errors);
        return options!;
    }

    private static Func<string, string?> Read(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);
}
