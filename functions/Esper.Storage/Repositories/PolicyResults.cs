namespace Esper.Storage.Repositories;

/// <summary>A policy's aggregated results counters.</summary>
public sealed record PolicyResults(string PolicyId, long Total, long Observe, long Challenge, long Block, long DryRun, DateTimeOffset? LastMatchedAt);
