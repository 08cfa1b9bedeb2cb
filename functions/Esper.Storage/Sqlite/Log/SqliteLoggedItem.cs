using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The whole state of one item after a write: what the log records and the in-memory layer holds until a checkpoint
/// writes it into SQLite. States, not changes, so applying one twice (a replay after a crash) changes nothing.
/// Never changed once built; compared by reference, so a checkpoint can tell whether a newer write replaced it.
/// </summary>
internal sealed class SqliteLoggedItem
{
    private SqliteLoggedItem(SqliteLoggedItemKind kind, string? document, string? version, long? expiresAt, SqliteCounterState? counters)
    {
        Kind = kind;
        Document = document;
        Version = version;
        ExpiresAt = expiresAt;
        Counters = counters;
    }

    public SqliteLoggedItemKind Kind { get; }

    public string? Document { get; }

    public string? Version { get; }

    /// <summary>Unix milliseconds; null for never. For a counter item, the item's expiry.</summary>
    public long? ExpiresAt { get; }

    public SqliteCounterState? Counters { get; }

    public static SqliteLoggedItem Put(string document, string version, long? expiresAt) =>
        new(SqliteLoggedItemKind.Document, document, version, expiresAt, null);

    public static SqliteLoggedItem Deleted { get; } = new(SqliteLoggedItemKind.Deleted, null, null, null, null);

    public static SqliteLoggedItem CounterItem(SqliteCounterState state) =>
        new(SqliteLoggedItemKind.Counters, null, null, state.ExpiresAt, state);

    /// <summary>True for a document whose expiry has not passed at <paramref name="nowMs"/>.</summary>
    public bool IsLiveDocument(long nowMs) =>
        Kind == SqliteLoggedItemKind.Document && (ExpiresAt is not { } at || at > nowMs);

    public StoredItem ToStored(ItemKey key) =>
        new(key, Document!, Version!, ExpiresAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}
