using Azure.Data.Tables;
using Esper.Storage.AzureTables;
using Esper.Storage.AzureTables.Tests.Emulator;

namespace Esper.Host.Tests.CloudStores;

/// <summary>The runtime suite with <c>ESPER_STORE=azuretables</c> against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTablesEndToEndTests(AzuriteFixture azurite) : CloudStoreEndToEndTests
{
    internal override IReadOnlyDictionary<string, string> NewStoreSettings() => new Dictionary<string, string>
    {
        ["ESPER_STORE"] = "azuretables",
        [AzureTablesStoreSettings.ConnectionString] = azurite.ConnectionString,
        [AzureTablesStoreSettings.Table] = AzuriteFixture.NewTableName(),
        [AzureTablesStoreSettings.CreateTable] = "true",
    };

    internal override string TableOf(IReadOnlyDictionary<string, string> settings) => settings[AzureTablesStoreSettings.Table];

    internal override async Task<int> CountItemsAsync(string table)
    {
        var count = 0;
        await foreach (var _ in new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }
}
