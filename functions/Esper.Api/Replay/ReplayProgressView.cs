namespace Esper.Api.Replay;

/// <summary>How far a job has come: chunks done and the time up to which recorded events are replayed.</summary>
internal sealed record ReplayProgressView(int Chunks, DateTimeOffset ReplayedUntil);
