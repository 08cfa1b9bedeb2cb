using System.Text;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The whole state of one item after a write: what the log records and the in-memory layer holds until a checkpoint
/// writes it into SQLite. States, not changes, so applying one twice (a replay after a crash) changes nothing.
/// Never changed once built; compared by reference, so a checkpoint can tell whether a newer write replaced it.
/// </summary>
/// <remarks>
/// A document is held as its UTF-8 bytes (the bytes the log frame writes), not as the caller's string: the layer's
/// documents are what survives each garbage collection until their checkpoint, and a collection's pause grows with
/// what it promotes; JSON in UTF-8 is half the bytes of the same string. Reads of a logged document decode it.
/// </remarks>
internal sealed class SqliteLoggedItem
{
    private SqliteLoggedItem(SqliteLoggedItemKind kind, byte[]? document, string? version, long? expiresAt, SqliteCounterState? counters)
    {
        Kind = kind;
        Utf8Document = document;
        Version = version;
        ExpiresAt = expiresAt;
        Counters = counters;
    }

    public SqliteLoggedItemKind Kind { get; }

    /// <summary>A document's UTF-8 bytes; null for other kinds.</summary>
    public byte[]? Utf8Document { get; }

    public string? Version { get; }

    /// <summary>Unix milliseconds; null for never. For a counter item, the item's expiry.</summary>
    public long? ExpiresAt { get; }

    public SqliteCounterState? Counters { get; }

    public static SqliteLoggedItem Put(string document, string version, long? expiresAt) =>
        new(SqliteLoggedItemKind.Document, Encoding.UTF8.GetBytes(document), version, expiresAt, null);

    public static SqliteLoggedItem Deleted { get; } = new(SqliteLoggedItemKind.Deleted, null, null, null, null);

    public static SqliteLoggedItem CounterItem(SqliteCounterState state) =>
        new(SqliteLoggedItemKind.Counters, null, null, state.ExpiresAt, state);

    /// <summary>True for a document whose expiry has not passed at <paramref name="nowMs"/>.</summary>
    public bool IsLiveDocument(long nowMs) =>
        Kind == SqliteLoggedItemKind.Document && (ExpiresAt is not { } at || at > nowMs);

    /// <summary>A document's text (decoded on every call).</summary>
    public string DocumentText() => Encoding.UTF8.GetString(Utf8Document!);

    public StoredItem ToStored(ItemKey key) =>
        new(key, DocumentText(), Version!, ExpiresAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}
