using Esper.Storage.AzureTables.Tests.Emulator;
using Esper.Storage.ContractTests;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.AzureTables.Tests;

/// <summary>Runs the shared store contract against Azurite, each test on a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTablesKeyValueStoreContractTests(AzuriteFixture azurite) : KeyValueStoreContract
{
    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) => new(azurite.CreateStore(clock, out _));
}
