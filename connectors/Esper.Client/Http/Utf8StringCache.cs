using System.Text;

namespace Esper.Client.Http;

/// <summary>
/// Shares the strings that repeat from one decision to the next (action ids and names, entity ids, policy ids, the
/// config and encoding versions) instead of allocating them per answer. A small fixed table indexed by a hash of
/// the UTF-8 bytes; a collision simply replaces the slot. Entries are immutable, so readers need no lock.
/// </summary>
internal static class Utf8StringCache
{
    private const int Slots = 256;
    private const int MaxLength = 64;

    private static readonly Entry?[] Table = new Entry?[Slots];

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var slot = (int)(hash % Slots);
        if (Volatile.Read(ref Table[slot]) is { } entry && entry.Utf8.AsSpan().SequenceEqual(utf8))
        {
            return entry.Value;
        }

        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref Table[slot], new Entry(utf8.ToArray(), value));
        return value;
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
