namespace Esper.Storage.DynamoDb.Tests.Emulator;

/// <summary>Test classes in this collection share one dynalite process.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "dynalite";
}
