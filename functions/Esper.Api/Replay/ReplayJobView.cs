using System.Text.Json.Serialization;

namespace Esper.Api.Replay;

/// <summary>A replay job as the API answers it: the fields of docs/replay.md, then progress and the diff.</summary>
internal sealed record ReplayJobView(
    string JobId,
    string JobType,
    string EncodingVersion,
    string RuleVersion,
    string BaseConfigVersion,
    DateTimeOffset TimeRangeStart,
    DateTimeOffset TimeRangeEnd,
    string Status,
    long EventsProcessed,
    long EventsFailed,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? CompletedAt,
    ReplayProgressView Progress,
    long? EntityKeys,
    ReplayDiffView? Diff,
    string? Error)
{
    public static ReplayJobView From(ReplayJob job) => new(
        job.JobId, job.JobType, job.EncodingVersion, job.RuleVersion, job.BaseConfigVersion, job.TimeRangeStart, job.TimeRangeEnd,
        job.Status, job.EventsProcessed, job.EventsFailed, job.CreatedAt, job.CompletedAt,
        new ReplayProgressView(job.Chunks, DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(job.CursorMs, job.TimeRangeEnd.ToUnixTimeMilliseconds()))),
        job.JobType == ReplayJobTypes.DecisionOnly ? null : job.EntityKeys,
        job.Diff is null ? null : ReplayDiffView.From(job.Diff),
        job.Error);
}
