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
    private SqliteLoggedItem(SqliteLoggedItemKind kind, byte[]? document, string? version, long? expiresAt, SqliteCounterState? counters, IReadOnlyCollection<string>? changed = null)
    {
        Kind = kind;
        Utf8Document = document;
        Version = version;
        ExpiresAt = expiresAt;
        Counters = counters;
        Changed = changed;
    }

    public SqliteLoggedItemKind Kind { get; }

    /// <summary>A document's UTF-8 bytes; null for other kinds.</summary>
    public byte[]? Utf8Document { get; }

    public string? Version { get; }

    /// <summary>Unix milliseconds; null for never. For a counter item, the item's expiry.</summary>
    public long? ExpiresAt { get; }

    /// <summary>
    /// For a counter item: its whole state (<see cref="SqliteLoggedItemKind.Counters"/>), or, read back from the log,
    /// only the counters one frame changed, with their new values (<see cref="SqliteLoggedItemKind.CounterChanges"/>).
    /// </summary>
    public SqliteCounterState? Counters { get; }

    /// <summary>
    /// For a counter item in the layer: the counters changed since the item's previous frame (its frame records only
    /// their values, <see cref="SqliteLogFrame"/>); null when the frame must record the whole state.
    /// </summary>
    public IReadOnlyCollection<string>? Changed { get; }

    public static SqliteLoggedItem Put(string document, string version, long? expiresAt) =>
        new(SqliteLoggedItemKind.Document, Encoding.UTF8.GetBytes(document), version, expiresAt, null);

    public static SqliteLoggedItem Deleted { get; } = new(SqliteLoggedItemKind.Deleted, null, null, null, null);

    public static SqliteLoggedItem CounterItem(SqliteCounterState state) =>
        new(SqliteLoggedItemKind.Counters, null, null, state.ExpiresAt, state);

    /// <summary>A counter item's whole <paramref name="state"/>, whose frame records only the <paramref name="changed"/> counters.</summary>
    public static SqliteLoggedItem CounterItem(SqliteCounterState state, IReadOnlyCollection<string> changed) =>
        new(SqliteLoggedItemKind.Counters, null, null, state.ExpiresAt, state, changed);

    /// <summary>A frame's changed counters (<paramref name="changes"/> holds only those, and the item's expiry).</summary>
    public static SqliteLoggedItem CounterChanges(SqliteCounterState changes) =>
        new(SqliteLoggedItemKind.CounterChanges, null, null, changes.ExpiresAt, changes);

    /// <summary>True for a document whose expiry has not passed at <paramref name="nowMs"/>.</summary>
    public bool IsLiveDocument(long nowMs) =>
        Kind == SqliteLoggedItemKind.Document && (ExpiresAt is not { } at || at > nowMs);

    /// <summary>A document's text (decoded on every call).</summary>
    public string DocumentText() => Encoding.UTF8.GetString(Utf8Document!);

    public StoredItem ToStored(ItemKey key) =>
        new(key, DocumentText(), Version!, ExpiresAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}
