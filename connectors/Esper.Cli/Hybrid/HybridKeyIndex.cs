using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Esper.Cli.Hybrid;

/// <summary>
/// The daemon's local view of active mitigations by opaque hybrid key (from origin's active-mitigations feed), so the
/// enforcing proxy can act on a request's <c>X-Esper-Hybrid-Key</c> without knowing the entity behind it.
/// </summary>
internal sealed class HybridKeyIndex(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Mode, DateTimeOffset ExpiresAt)> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    /// <summary>Records (or extends) the mitigation in force for <paramref name="hybridKey"/>.</summary>
    public void Set(string hybridKey, string mode, DateTimeOffset expiresAt)
    {
        _keys.AddOrUpdate(hybridKey, (mode, expiresAt), (_, old) => expiresAt >= old.ExpiresAt ? (mode, expiresAt) : old);
        if (_keys.Count > 100_000)
        {
            Prune();
        }
    }

    /// <summary>Records the item of origin's active-mitigations feed, when it has a hybrid key and an expiry.</summary>
    public void Set(JsonNode item)
    {
        if (item["hybrid_key"]?.GetValue<string>() is { } hybridKey && item["expires_at"] is { } expires)
        {
            Set(hybridKey, item["mode"]?.GetValue<string>() ?? "block", expires.GetValue<DateTimeOffset>());
        }
    }

    /// <summary>The mode in force for the key now (<c>block</c>, <c>challenge</c>, <c>monitor</c>), or null.</summary>
    public string? ModeOf(string hybridKey)
    {
        if (!_keys.TryGetValue(hybridKey, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > time.GetUtcNow())
        {
            return entry.Mode;
        }

        _keys.TryRemove(hybridKey, out _);
        return null;
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _keys)
        {
            if (entry.ExpiresAt <= now)
            {
                _keys.TryRemove(key, out _);
            }
        }
    }
}
