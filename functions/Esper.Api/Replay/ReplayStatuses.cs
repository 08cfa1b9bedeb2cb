namespace Esper.Api.Replay;

/// <summary>The values of a replay job's <c>status</c>.</summary>
internal static class ReplayStatuses
{
    /// <summary>Chunks remain; each read of the job (or a worker) processes the next one.</summary>
    public const string Running = "Running";

    /// <summary>Every recorded event of the range was replayed.</summary>
    public const string Completed = "Completed";

    /// <summary>Stopped by an operator; the counts are those of the chunks done before.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Stopped because the candidate config could no longer be compiled.</summary>
    public const string Failed = "Failed";
}
