namespace Esper.Core.Engine;

/// <summary>
/// Entity-key counter items in memory, with the store contract's semantics: an item expires as a whole at its
/// expiry and every update moves the expiry. Thread-safe.
/// </summary>
public sealed class InMemoryEntityState : IEntityStateProvider
{
    private readonly Dictionary<string, CounterItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, long> Update(StateRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            var item = Live(request.EntityKey, now);
            foreach (var (name, amount) in request.Add)
            {
                item.Counters[name] = item.Counters.GetValueOrDefault(name) + amount;
            }

            foreach (var name in request.Remove)
            {
                item.Counters.Remove(name);
            }

            item.ExpiresAt = request.ExpiresAt;
            return new Dictionary<string, long>(item.Counters, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc />
    public void Write(StateWrite write, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            var item = Live(write.EntityKey, now);
            foreach (var (name, value) in write.Set)
            {
                item.Counters[name] = value;
            }

            foreach (var name in write.Remove)
            {
                item.Counters.Remove(name);
            }

            item.ExpiresAt = write.ExpiresAt;
        }
    }

    /// <summary>Every counter of an entity key's item at <paramref name="now"/> (empty when absent or expired).</summary>
    public IReadOnlyDictionary<string, long> Read(string entityKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _items.TryGetValue(entityKey, out var item) && item.ExpiresAt > now
                ? new Dictionary<string, long>(item.Counters, StringComparer.Ordinal)
                : new Dictionary<string, long>();
        }
    }

    /// <summary>Puts an entity key's item as it was saved elsewhere (a replay job's state between chunks), replacing any held here.</summary>
    public void Load(string entityKey, IReadOnlyDictionary<string, long> counters, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(counters);
        lock (_gate)
        {
            var item = new CounterItem { ExpiresAt = expiresAt };
            foreach (var (name, value) in counters)
            {
                item.Counters[name] = value;
            }

            _items[entityKey] = item;
        }
    }

    /// <summary>An entity key's counters and expiry, whether or not it has expired; false when no item was ever held.</summary>
    public bool TryGet(string entityKey, out IReadOnlyDictionary<string, long> counters, out DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(entityKey, out var item))
            {
                counters = new Dictionary<string, long>(item.Counters, StringComparer.Ordinal);
                expiresAt = item.ExpiresAt;
                return true;
            }

            counters = new Dictionary<string, long>();
            expiresAt = default;
            return false;
        }
    }

    private CounterItem Live(string key, DateTimeOffset now)
    {
        if (!_items.TryGetValue(key, out var item) || item.ExpiresAt <= now)
        {
            item = new CounterItem();
            _items[key] = item;
        }

        return item;
    }
}
