namespace Esper.Core.Engine;

/// <summary>One entity key's counters in <see cref="InMemoryEntityState"/>, expiring as a whole.</summary>
internal sealed class CounterItem
{
    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset ExpiresAt { get; set; }
}
