namespace Esper.Storage.Repositories;

/// <summary>What one in-scope policy produced for a recorded decision (<c>allow</c>, <c>observe</c>, <c>challenge</c> or <c>block</c>).</summary>
public sealed record RecordedOutcome(string PolicyId, string Outcome, bool DryRun);
