namespace Esper.Storage.Sqlite;

/// <summary>What a logged item state is: a document, the absence of one, or a counter item.</summary>
internal enum SqliteLoggedItemKind : byte
{
    Document = 1,
    Deleted = 2,
    Counters = 3,
}
