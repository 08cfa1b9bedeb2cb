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

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a counter name is not [A-Za-z0-9_] or a removed counter is also
    /// added or set: both are caller bugs, checked the same way by every backend.
    /// </summary>
    public void Validate()
    {
        foreach (var name in Add.Keys)
        {
            ThrowIfInvalid(name, nameof(Add));
        }

        foreach (var name in Set.Keys)
        {
            ThrowIfInvalid(name, nameof(Set));
        }

        foreach (var name in Remove)
        {
            ThrowIfInvalid(name, nameof(Remove));
            if (Add.ContainsKey(name) || Set.ContainsKey(name))
            {
                throw new ArgumentException($"Counter '{name}' is both removed and added or set.", nameof(Remove));
            }
        }
    }

    /// <summary>Applies this update to <paramref name="counters"/> in the contract's order: add, then set, then remove.</summary>
    public void ApplyTo(Dictionary<string, long> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        foreach (var (name, amount) in Add)
        {
            counters[name] = counters.GetValueOrDefault(name) + amount;
        }

        foreach (var (name, value) in Set)
        {
            counters[name] = value;
        }

        foreach (var name in Remove)
        {
            counters.Remove(name);
        }
    }

    private static void ThrowIfInvalid(string name, string paramName)
    {
        if (!CounterNames.IsValid(name))
        {
            throw new ArgumentException($"Counter name '{name}' must be one or more of [A-Za-z0-9_].", paramName);
        }
    }

    private static readonly IReadOnlyDictionary<string, long> Empty = new Dictionary<string, long>();
}
