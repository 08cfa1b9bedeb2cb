using Amazon.DynamoDBv2.Model;
using Esper.Storage.DynamoDb;
using Esper.Storage.DynamoDb.Tests.Emulator;

namespace Esper.Host.Tests.CloudStores;

/// <summary>The runtime suite with <c>ESPER_STORE=dynamodb</c> against dynalite.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbEndToEndTests : CloudStoreEndToEndTests
{
    private readonly DynaliteFixture _dynalite;

    public DynamoDbEndToEndTests(DynaliteFixture dynalite)
    {
        _dynalite = dynalite;

        // The host's client takes credentials from the SDK's default chain, whose first source is the environment.
        // dynalite checks that requests are signed, not by whom: fixed dummy values, never a real credential.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
    }

    internal override IReadOnlyDictionary<string, string> NewStoreSettings() => new Dictionary<string, string>
    {
        ["ESPER_STORE"] = "dynamodb",
        [DynamoDbStoreSettings.Table] = DynaliteFixture.NewTableName(),
        [DynamoDbStoreSettings.Region] = DynaliteFixture.Region,
        [DynamoDbStoreSettings.ServiceUrl] = _dynalite.ServiceUrl.ToString(),
        [DynamoDbStoreSettings.CreateTable] = "true",
    };

    internal override string TableOf(IReadOnlyDictionary<string, string> settings) => settings[DynamoDbStoreSettings.Table];

    internal override async Task<int> CountItemsAsync(string table) =>
        (await _dynalite.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Count ?? 0;
}
