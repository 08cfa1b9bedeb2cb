namespace Esper.Api.Replay;

/// <summary>The values of a replay job's <c>job_type</c>.</summary>
internal static class ReplayJobTypes
{
    /// <summary>Decide the recorded events with a candidate config, windows rebuilt from the events, and diff against what was decided.</summary>
    public const string DryRun = "DryRun";

    /// <summary>Decide each recorded event on its own, without windows or penalties, and diff against what was decided.</summary>
    public const string DecisionOnly = "DecisionOnly";

    /// <summary>Rebuild window and penalty state from the recorded events into the job's own state (never the live state).</summary>
    public const string StateRebuild = "StateRebuild";

    public static bool IsKnown(string? type) => type is DryRun or DecisionOnly or StateRebuild;
}
