namespace Esper.Api.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/replay-jobs</c>: the job type, the recorded time range (start inclusive, end
/// exclusive, ISO 8601) and, optionally, the candidate config to decide with (absent: the live config). Unknown or
/// repeated fields, at any depth, are refused as in config bodies.
/// </summary>
internal sealed record ReplayJobCreateBody(string JobType, DateTimeOffset TimeRangeStart, DateTimeOffset TimeRangeEnd, ReplayCandidateBody? Candidate = null);
