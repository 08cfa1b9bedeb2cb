using Esper.Cli.Resources;

namespace Esper.Cli.Apply;

/// <summary>One step of an apply: the file, the resource id (null when Esper will assign it), and the ETag an update must match.</summary>
internal sealed record PlanItem(ResourceFile File, string? Id, PlanAction Action, string? ETag, IReadOnlyList<string> ChangedFields)
{
    public string Verb => Action switch
    {
        PlanAction.Create => "create",
        PlanAction.Update => "update",
        _ => "unchanged",
    };
}
