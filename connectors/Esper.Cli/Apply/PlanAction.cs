namespace Esper.Cli.Apply;

/// <summary>What applying one file will do.</summary>
internal enum PlanAction
{
    Create,
    Update,
    Unchanged,
}
