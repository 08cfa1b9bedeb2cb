namespace Esper.Host.Tests.Hostile;

/// <summary>The hostile-input tests share one host process (<see cref="HostileHost"/>).</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileHost>
{
    public const string Name = "hostile input";
}
