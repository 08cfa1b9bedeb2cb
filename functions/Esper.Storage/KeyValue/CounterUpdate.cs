namespace Esper.Storage.KeyValue;

/// <summary>
/// One atomic change to a counter item: add to some counters, overwrite others, drop stale ones, and
/// (optionally) move the item's expiry. Applied in that order.
/// </summary>
public sealed class CounterUpdate
{
    /// <summary>Counters to add to (absent counters start at zero). Negative amounts subtract.</summary>
    public IReadOnlyDictionary<string, long> Add { get; init; } = Empty;

    /// <summary>Counters to overwrite with a value (last writer wins).</summary>
    public IReadOnlyDictionary<string, long> Set { get; init; } = Empty;

    /// <summary>Counters to remove. A counter named in <see cref="Add"/> or <see cref="Set"/> must not also be removed.</summary>
    public IReadOnlyCollection<string> Remove { get; init; } = [];

    /// <summary>When set, the whole counter item expires at this time (a later update may move it).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();
}
