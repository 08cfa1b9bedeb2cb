using System.Collections.Concurrent;
using System.Globalization;

namespace Esper.Storage.KeyValue;

/// <summary>
/// Keys held in memory by a store that is the only owner of its data: a claim that its holder will replace with a
/// written item (or give up) costs no write, and a process that dies holding one leaves nothing claimed. Each hold
/// has a token and a lease; a hold whose lease has run out counts as free.
/// </summary>
internal sealed class KeyReservations(TimeProvider time)
{
    private readonly ConcurrentDictionary<ItemKey, Hold> _holds = new();
    private long _nextToken;

    /// <summary>Holds <paramref name="key"/> until <paramref name="until"/>; the hold's token, or null when another live hold has it.</summary>
    public string? TryHold(ItemKey key, DateTimeOffset until)
    {
        var hold = new Hold(NewToken(), until);
        while (true)
        {
            if (_holds.TryAdd(key, hold))
            {
                return hold.Token;
            }

            if (!_holds.TryGetValue(key, out var current))
            {
                continue;
            }

            if (current.Until > time.GetUtcNow())
            {
                return null;
            }

            // The holder's lease ran out (it died or hung): the key is free again.
            if (_holds.TryUpdate(key, hold, current))
            {
                return hold.Token;
            }
        }
    }

    /// <summary>True while the hold of <paramref name="token"/> is the one kept for <paramref name="key"/>, even past its lease (no other hold replaced it).</summary>
    public bool Holds(ItemKey key, string token) => _holds.TryGetValue(key, out var current) && current.Token == token;

    /// <summary>True while any live hold has <paramref name="key"/>.</summary>
    public bool IsHeld(ItemKey key) => _holds.TryGetValue(key, out var current) && current.Until > time.GetUtcNow();

    /// <summary>Gives up the hold of <paramref name="token"/>; false when it no longer held the key.</summary>
    public bool Release(ItemKey key, string token) =>
        _holds.TryGetValue(key, out var current) && current.Token == token && _holds.TryRemove(new KeyValuePair<ItemKey, Hold>(key, current));

    /// <summary>How many keys are held (expired holds included until they are replaced or released).</summary>
    public int Count => _holds.Count;

    private string NewToken() => "hold:" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);

    private sealed record Hold(string Token, DateTimeOffset Until);
}
