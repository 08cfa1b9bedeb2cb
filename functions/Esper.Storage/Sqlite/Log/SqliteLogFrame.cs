using System.Buffers.Binary;
using System.Text;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// One group's item states as one log frame: a 4-byte payload length, the payload's CRC-32, then the payload (an
/// item count, then per item its kind, key and state). A frame cut short by a crash, or any byte of it damaged, fails
/// its length or checksum and ends the segment's replay there: its writers were never answered.
/// A counter item is recorded whole, or as only the counters its updates changed since its previous frame
/// (<see cref="SqliteLoggedItemKind.CounterChanges"/>), which replay applies on top of the state before it.
/// </summary>
internal static class SqliteLogFrame
{
    private const int HeaderBytes = 8;

    // Larger than any real frame (a group is at most 64 writes); a length beyond it is damage, not a frame.
    private const int MaxPayloadBytes = 1 << 30;

    /// <summary>Writes the frame of <paramref name="items"/> into <paramref name="buffer"/> (cleared first).</summary>
    public static void Encode(MemoryStream buffer, IReadOnlyCollection<KeyValuePair<ItemKey, SqliteLoggedItem>> items)
    {
        buffer.SetLength(0);
        buffer.Write(stackalloc byte[HeaderBytes]);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(items.Count);
            foreach (var (key, item) in items)
            {
                // A counter item whose changes are known is logged as those changes only (a kind of its own, so a
                // segment written before it existed still reads as it did).
                var kind = item.Kind == SqliteLoggedItemKind.Counters && item.Changed is not null ? SqliteLoggedItemKind.CounterChanges : item.Kind;
                writer.Write((byte)kind);
                writer.Write(key.PartitionKey);
                writer.Write(key.SortKey);
                switch (kind)
                {
                    case SqliteLoggedItemKind.Document:
                        // The layout of BinaryWriter.Write(string) (its UTF-8 byte count, then the bytes), which
                        // replay reads with ReadString.
                        writer.Write7BitEncodedInt(item.Utf8Document!.Length);
                        writer.Write(item.Utf8Document);
                        writer.Write(item.Version!);
                        WriteExpiry(writer, item.ExpiresAt);
                        break;
                    case SqliteLoggedItemKind.Counters:
                        WriteExpiry(writer, item.ExpiresAt);
                        writer.Write(item.Counters!.Values.Count);
                        foreach (var (name, value) in item.Counters.Values)
                        {
                            writer.Write(name);
                            writer.Write(value);
                        }

                        break;
                    case SqliteLoggedItemKind.CounterChanges:
                        // Absolute values, so replaying the frame again on top of a later state changes nothing.
                        WriteExpiry(writer, item.ExpiresAt);
                        writer.Write(item.Changed!.Count);
                        foreach (var name in item.Changed)
                        {
                            writer.Write(name);
                            item.Counters!.TryGetValue(name, out var value);
                            writer.Write(value);
                        }

                        break;
                }
            }
        }

        var frame = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var payload = frame[HeaderBytes..];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], SqliteLogChecksum.Compute(payload));
    }

    /// <summary>
    /// Every item of every whole, intact frame of <paramref name="segment"/>, in order; stops at the first frame that
    /// is cut short or fails its checksum.
    /// </summary>
    public static IEnumerable<KeyValuePair<ItemKey, SqliteLoggedItem>> Read(byte[] segment)
    {
        var offset = 0;
        while (segment.Length - offset >= HeaderBytes)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(segment.AsSpan(offset));
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(segment.AsSpan(offset + 4));
            if (length <= 0 || length > MaxPayloadBytes || length > segment.Length - offset - HeaderBytes
                || SqliteLogChecksum.Compute(segment.AsSpan(offset + HeaderBytes, length)) != checksum)
            {
                yield break;
            }

            foreach (var item in Decode(segment, offset + HeaderBytes, length))
            {
                yield return item;
            }

            offset += HeaderBytes + length;
        }
    }

    private static List<KeyValuePair<ItemKey, SqliteLoggedItem>> Decode(byte[] segment, int offset, int length)
    {
        using var reader = new BinaryReader(new MemoryStream(segment, offset, length, writable: false), Encoding.UTF8);
        var count = reader.ReadInt32();
        var items = new List<KeyValuePair<ItemKey, SqliteLoggedItem>>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (SqliteLoggedItemKind)reader.ReadByte();
            var key = new ItemKey(reader.ReadString(), reader.ReadString());
            SqliteLoggedItem item;
            switch (kind)
            {
                case SqliteLoggedItemKind.Document:
                    var document = reader.ReadString();
                    var version = reader.ReadString();
                    item = SqliteLoggedItem.Put(document, version, ReadExpiry(reader));
                    break;
                case SqliteLoggedItemKind.Deleted:
                    item = SqliteLoggedItem.Deleted;
                    break;
                case SqliteLoggedItemKind.Counters:
                    item = SqliteLoggedItem.CounterItem(ReadCounters(reader));
                    break;
                case SqliteLoggedItemKind.CounterChanges:
                    item = SqliteLoggedItem.CounterChanges(ReadCounters(reader));
                    break;
                default:
                    throw new InvalidDataException($"Unknown item kind {(byte)kind} in a log frame whose checksum matched.");
            }

            items.Add(new(key, item));
        }

        return items;
    }

    private static SqliteCounterState ReadCounters(BinaryReader reader)
    {
        var expiresAt = ReadExpiry(reader);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var n = reader.ReadInt32(); n > 0; n--)
        {
            var name = reader.ReadString();
            values[name] = reader.ReadInt64();
        }

        return new SqliteCounterState(true, expiresAt, values);
    }

    private static void WriteExpiry(BinaryWriter writer, long? expiresAt)
    {
        writer.Write(expiresAt.HasValue);
        writer.Write(expiresAt ?? 0);
    }

    private static long? ReadExpiry(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var at = reader.ReadInt64();
        return has ? at : null;
    }
}
