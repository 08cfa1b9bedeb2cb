namespace Esper.Cli.Apply;

/// <summary>The ordered steps of an apply: actions, then entities, mitigations and policies.</summary>
internal sealed record ApplyPlan(IReadOnlyList<PlanItem> Items)
{
    public int Count(PlanAction action) => Items.Count(i => i.Action == action);
}
