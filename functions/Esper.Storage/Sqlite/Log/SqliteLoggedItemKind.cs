namespace Esper.Storage.Sqlite;

/// <summary>
/// What a logged item state is: a document, the absence of one, or a counter item, whole or as the counters an update
/// changed (their new values, on top of the item's state before it; only read from the log, never held in the layer).
/// </summary>
internal enum SqliteLoggedItemKind : byte
{
    Document = 1,
    Deleted = 2,
    Counters = 3,
    CounterChanges = 4,
}
