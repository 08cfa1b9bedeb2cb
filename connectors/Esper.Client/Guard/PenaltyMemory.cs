using System.Collections.Concurrent;

namespace Esper.Client.Guard;

/// <summary>
/// Stale-on-error: block and challenge decisions that carry an active penalty, remembered per client (IP address +
/// user agent, the bundled <c>ip-user-agent</c> entity) and request (method + path, so a block earned on /login
/// does not spread to the rest of the site) until the penalty's end, so they keep applying while Esper is
/// unreachable. Bounded: when full, expired entries are swept and new ones are dropped rather than grow memory.
/// Only a cache: dropping it changes nothing while Esper answers.
/// </summary>
internal sealed class PenaltyMemory(int capacity, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RememberedPenalty> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public void Remember(in RequestIdentity identity, EsperDecision decision)
    {
        if (capacity == 0)
        {
            return;
        }

        if (decision.Action == EsperActions.Allow)
        {
            if (!_entries.IsEmpty && identity.Key() is { } allowed)
            {
                _entries.TryRemove(allowed, out _);
            }

            return;
        }

        long? until = null;
        foreach (var match in decision.Matches)
        {
            if (!match.DryRun && !match.Waived && match.Mode == decision.Action && match.PenaltyExpiresAt is { } expires && (until is null || expires > until))
            {
                until = expires;
            }
        }

        var now = time.GetUtcNow();
        if (until is not { } end || DateTimeOffset.FromUnixTimeSeconds(end) <= now || identity.Key() is not { } fingerprint)
        {
            return;
        }

        if (_entries.Count >= capacity && !_entries.ContainsKey(fingerprint))
        {
            Sweep(now);
            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[fingerprint] = new RememberedPenalty(decision, DateTimeOffset.FromUnixTimeSeconds(end));
    }

    public EsperDecision? Find(in RequestIdentity identity)
    {
        if (_entries.IsEmpty || identity.Key() is not { } fingerprint || !_entries.TryGetValue(fingerprint, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > time.GetUtcNow())
        {
            return entry.Decision;
        }

        _entries.TryRemove(fingerprint, out _);
        return null;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record RememberedPenalty(EsperDecision Decision, DateTimeOffset ExpiresAt);
}
