namespace Esper.Core.Engine;

/// <summary>
/// A counter change a decision leaves behind for one entity key: penalties to set (expiry as unix seconds) and
/// stale counters to drop. Persist it with one counter update; it is not on the decision's critical path.
/// </summary>
public sealed class StateWrite
{
    internal StateWrite(string entityKey, DateTimeOffset expiresAt)
    {
        EntityKey = entityKey;
        ExpiresAt = expiresAt;
    }

    /// <summary>The entity key naming the counter item.</summary>
    public string EntityKey { get; }

    /// <summary>Counters to overwrite: penalty counters holding their expiry in unix seconds.</summary>
    public IReadOnlyDictionary<string, long> Set => SetCounters;

    /// <summary>Counters to remove: expired penalties and window buckets far outside their window.</summary>
    public IReadOnlyList<string> Remove => RemoveCounters;

    /// <summary>The item's new expiry (never earlier than any penalty set here).</summary>
    public DateTimeOffset ExpiresAt { get; }

    internal Dictionary<string, long> SetCounters { get; } = new(StringComparer.Ordinal);

    internal List<string> RemoveCounters { get; } = [];
}
