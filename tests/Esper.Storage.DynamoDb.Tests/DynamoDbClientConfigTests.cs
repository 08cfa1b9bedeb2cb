using Amazon;

namespace Esper.Storage.DynamoDb.Tests;

public sealed class DynamoDbClientConfigTests
{
    [Fact]
    public void Service_url_points_the_client_at_a_local_endpoint_signed_for_the_region()
    {
        var config = DynamoDbKeyValueStore.ClientConfig(new DynamoDbStoreOptions { Region = "eu-west-1", TableName = "esper", ServiceUrl = new Uri("http://127.0.0.1:4567") });

        Assert.StartsWith("http://127.0.0.1:4567", config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
    }

    [Fact]
    public void Without_service_url_the_client_uses_the_regions_endpoint()
    {
        var config = DynamoDbKeyValueStore.ClientConfig(new DynamoDbStoreOptions { Region = "eu-west-1", TableName = "esper" });

        Assert.Equal(RegionEndpoint.EUWest1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
    }

    [Fact]
    public void Missing_table_name_is_rejected_by_the_factory()
    {
        using var client = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("local", "local"), DynamoDbKeyValueStore.ClientConfig(new DynamoDbStoreOptions { Region = "eu-west-1", TableName = "x" }));

        Assert.ThrowsAny<ArgumentException>(() => DynamoDbKeyValueStore.Create(client, new DynamoDbStoreOptions { Region = "eu-west-1", TableName = " " }, TimeProvider.System));
    }
}
