namespace Esper.Storage.Repositories;

/// <summary>One entity key's counters in a replay job's own state, with the expiry the engine gave them (replay time).</summary>
public sealed record ReplayStateItem(IReadOnlyDictionary<string, long> Counters, DateTimeOffset ExpiresAt);
