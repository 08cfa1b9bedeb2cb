using System.Buffers;
using System.Text;
using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Storage.Repositories;

/// <summary>
/// The documents of one decision from one serialisation of its record: the record without its event (the matched
/// policies' copies), and the tenant's copy, which is that document with the event and the clauses that fired
/// appended (so a look-up by id reads the tenant's copy instead of an item of its own).
/// </summary>
internal static class DecisionDocuments
{
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// The tenant's copy: the record with <paramref name="ev"/> and, when given, <paramref name="matches"/> (property
    /// order aside, it reads back as the record with its event); and, when <paramref name="withoutEvent"/>, the record
    /// without them, from the same serialisation.
    /// </summary>
    public static (string TenantCopy, string? WithoutEvent) Write(DecisionRecord record, RuntimeEvent? ev, IReadOnlyList<DecisionMatchRecord>? matches, bool withoutEvent)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            var recordEnd = Append(buffer, writer, record, StorageJsonContext.Default.DecisionRecord);
            if (ev is null && matches is null)
            {
                var alone = Encoding.UTF8.GetString(buffer.WrittenSpan);
                return (alone, withoutEvent ? alone : null);
            }

            var eventEnd = ev is null ? recordEnd : Append(buffer, writer, ev, StorageJsonContext.Default.RuntimeEvent);
            var matchesEnd = matches is null ? eventEnd : Append(buffer, writer, matches, StorageJsonContext.Default.IReadOnlyListDecisionMatchRecord);
            var parts = new Parts(buffer.WrittenMemory, recordEnd, eventEnd, matchesEnd);
            var tenantCopy = string.Create(parts.Length, parts, static (chars, p) => p.CopyTo(chars));
            return (tenantCopy, withoutEvent ? Encoding.UTF8.GetString(buffer.WrittenSpan[..recordEnd]) : null);
        }
        finally
        {
            if (buffer.Capacity > KeptBufferBytes)
            {
                (t_buffer, t_writer) = (null, null);
            }
        }
    }

    /// <summary>The clauses that fired, from a tenant's copy written with them; null for a copy written without (older records).</summary>
    public static IReadOnlyList<DecisionMatchRecord>? ReadMatches(string document) =>
        JsonSerializer.Deserialize(document, StorageJsonContext.Default.StoredMatches)?.Matches;

    private static int Append<T>(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, typeInfo);
        writer.Flush();
        return buffer.WrittenCount;
    }

    /// <summary>The record's document without its closing brace, then the event and the matches as properties, then the brace.</summary>
    private readonly record struct Parts(ReadOnlyMemory<byte> Written, int RecordEnd, int EventEnd, int MatchesEnd)
    {
        private const string EventProperty = ",\"event\":";
        private const string MatchesProperty = ",\"matches\":";

        private ReadOnlySpan<byte> Head => Written.Span[..(RecordEnd - 1)];

        private ReadOnlySpan<byte> Event => Written.Span[RecordEnd..EventEnd];

        private ReadOnlySpan<byte> Matches => Written.Span[EventEnd..MatchesEnd];

        public int Length =>
            Encoding.UTF8.GetCharCount(Head)
            + (Event.IsEmpty ? 0 : EventProperty.Length + Encoding.UTF8.GetCharCount(Event))
            + (Matches.IsEmpty ? 0 : MatchesProperty.Length + Encoding.UTF8.GetCharCount(Matches))
            + 1;

        public void CopyTo(Span<char> chars)
        {
            var at = Encoding.UTF8.GetChars(Head, chars);
            if (!Event.IsEmpty)
            {
                EventProperty.CopyTo(chars[at..]);
                at += EventProperty.Length;
                at += Encoding.UTF8.GetChars(Event, chars[at..]);
            }

            if (!Matches.IsEmpty)
            {
                MatchesProperty.CopyTo(chars[at..]);
                at += MatchesProperty.Length;
                at += Encoding.UTF8.GetChars(Matches, chars[at..]);
            }

            chars[at] = '}';
        }
    }
}
