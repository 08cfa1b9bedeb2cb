namespace Esper.Core.Engine;

/// <summary>
/// The one counter update a decision needs on one entity key's counter item: apply it atomically (adding,
/// removing, moving the expiry) and hand every counter the item holds afterwards to <see cref="PolicySet.Finish"/>.
/// </summary>
public sealed class StateRequest
{
    internal StateRequest(string entityKey, DateTimeOffset expiresAt)
    {
        EntityKey = entityKey;
        ExpiresAt = expiresAt;
    }

    /// <summary>The entity key (<c>[A-Za-z0-9_-]</c>, at most 97 characters) naming the counter item.</summary>
    public string EntityKey { get; }

    /// <summary>Window bucket counters to increment.</summary>
    public IReadOnlyDictionary<string, long> Add => AddCounters;

    /// <summary>Window buckets that just left their window and can be dropped.</summary>
    public IReadOnlyList<string> Remove => RemoveCounters;

    /// <summary>The item's new expiry: late enough for every window and penalty the configuration can hold on this key.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>True when nothing changes and a plain read of the counters is enough.</summary>
    public bool IsReadOnly => AddCounters.Count == 0 && RemoveCounters.Count == 0;

    internal Dictionary<string, long> AddCounters { get; } = new(StringComparer.Ordinal);

    internal List<string> RemoveCounters { get; } = [];
}
