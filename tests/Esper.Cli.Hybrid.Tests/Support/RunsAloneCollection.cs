namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>Tests that measure the whole process (allocated bytes) run after the others, with nothing beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "runs alone";
}
