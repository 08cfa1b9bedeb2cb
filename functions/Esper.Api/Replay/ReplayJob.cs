namespace Esper.Api.Replay;

/// <summary>
/// A replay job as stored: its definition (type, range, the candidate config resolved at creation), its progress
/// (cursor, counts, lease) and its diff. Every change is written with the version it was read at.
/// </summary>
internal sealed class ReplayJob
{
    public string JobId { get; set; } = "";

    public string JobType { get; set; } = "";

    public string EncodingVersion { get; set; } = "";

    public string RuleVersion { get; set; } = "";

    /// <summary>The live config version the candidate was built on.</summary>
    public string BaseConfigVersion { get; set; } = "";

    public DateTimeOffset TimeRangeStart { get; set; }

    public DateTimeOffset TimeRangeEnd { get; set; }

    public string Status { get; set; } = ReplayStatuses.Running;

    public long EventsProcessed { get; set; }

    public long EventsFailed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>The whole candidate config (a <c>TenantConfig</c> as JSON), fixed at creation so later config writes change nothing.</summary>
    public string CandidateJson { get; set; } = "";

    public long CursorMs { get; set; }

    public int CursorExponent { get; set; }

    public int Chunks { get; set; }

    /// <summary>Until when the process that claimed the next chunk owns it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Entity keys with rebuilt state in the job's own partition (DryRun and StateRebuild).</summary>
    public long EntityKeys { get; set; }

    public ReplayDiff? Diff { get; set; }

    public string? Error { get; set; }

    /// <summary>When the job's items expire from the store.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
