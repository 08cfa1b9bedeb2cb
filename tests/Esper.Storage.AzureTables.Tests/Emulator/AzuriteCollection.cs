namespace Esper.Storage.AzureTables.Tests.Emulator;

/// <summary>Test classes in this collection share one Azurite process.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
