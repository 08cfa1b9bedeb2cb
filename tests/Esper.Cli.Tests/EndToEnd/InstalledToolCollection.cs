namespace Esper.Cli.Tests.EndToEnd;

/// <summary>The end-to-end tests share one packed and installed tool (packing is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "Installed esper tool";
}
