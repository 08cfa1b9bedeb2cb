using Esper.Storage.ContractTests;
using Esper.Storage.DynamoDb.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Esper.Storage.DynamoDb.Tests;

/// <summary>Runs the shared store contract against dynalite, each test on a table of its own.</summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbKeyValueStoreContractTests(DynaliteFixture dynalite) : KeyValueStoreContract
{
    protected override ValueTask<IKeyValueStore> CreateStoreAsync(FakeTimeProvider clock) => new(dynalite.CreateStore(clock, out _));
}
