using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Esper.Core.Fields;

namespace Esper.Core.Engine;

/// <summary>
/// Builds entity keys: <c>{entity id}_{32 hex digits}</c>, the digits being the first 128 bits of SHA-256 over the
/// key field names and values (each length-prefixed, so no two value lists collide by concatenation).
/// The hash is cryptographic on purpose: the values come from the client, and with a fast non-cryptographic hash a
/// crafted user agent could be made to land on another actor's counters (and penalties).
/// </summary>
internal static class EntityKeys
{
    /// <summary>The key, or null when a key field is absent or empty (the request then has no key for the entity).</summary>
    public static string? Resolve(CompiledEntity entity, EncodedRequest request)
    {
        var fields = entity.KeyFields;
        var size = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (!request.TryGetText(fields[i], out var value) || string.IsNullOrEmpty(value))
            {
                return null;
            }

            size += 8 + Encoding.UTF8.GetMaxByteCount(fields[i].Length) + Encoding.UTF8.GetMaxByteCount(value.Length);
        }

        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var written = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            // A second lookup instead of a values array keeps resolution allocation-free until the key string.
            request.TryGetText(fields[i], out var value);
            written += Write(buffer[written..], fields[i]);
            written += Write(buffer[written..], value);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Format(entity.Id, hash[..16]);
    }

    /// <summary><c>{id}_{hex}</c> built in place: one allocation, the key string itself.</summary>
    private static string Format(string id, ReadOnlySpan<byte> digest)
    {
        var state = (id, First: BinaryPrimitives.ReadUInt64BigEndian(digest), Second: BinaryPrimitives.ReadUInt64BigEndian(digest[8..]));
        return string.Create(id.Length + 1 + 32, state, static (chars, s) =>
        {
            s.id.CopyTo(chars);
            chars[s.id.Length] = '_';
            s.First.TryFormat(chars.Slice(s.id.Length + 1, 16), out _, "x16", CultureInfo.InvariantCulture);
            s.Second.TryFormat(chars.Slice(s.id.Length + 17, 16), out _, "x16", CultureInfo.InvariantCulture);
        });
    }

    private static int Write(Span<byte> destination, string text)
    {
        var length = Encoding.UTF8.GetBytes(text, destination[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination, length);
        return 4 + length;
    }
}
