using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>Document reads; every statement filters out rows whose expiry has passed.</summary>
internal static class SqliteDocumentReader
{
    public static StoredItem? Get(SqliteSession session, ItemKey key, long now)
    {
        using var reader = session.Command(SqliteStatement.Get).BindKey(key).Bind("$now", now).ExecuteReader();
        return reader.Read() ? new StoredItem(key, reader.GetString(0), reader.GetString(1), reader.GetExpiry(2)) : null;
    }

    public static List<StoredItem> Query(SqliteSession session, string partitionKey, string sortKeyPrefix, QueryOptions? options, long now)
    {
        var statement = options?.Descending == true ? SqliteStatement.QueryDescending : SqliteStatement.QueryAscending;
        using var reader = session.Command(statement)
            .Bind("$pk", partitionKey)
            .Bind("$from", sortKeyPrefix)
            .Bind("$to", SortKeyRange.UpperBound(sortKeyPrefix))
            .Bind("$now", now)
            .Bind("$limit", options?.Limit is { } limit ? Math.Max(limit, 0) : -1)
            .ExecuteReader();
        var items = new List<StoredItem>();
        while (reader.Read())
        {
            var key = new ItemKey(partitionKey, reader.GetString(0));
            items.Add(new StoredItem(key, reader.GetString(1), reader.GetString(2), reader.GetExpiry(3)));
        }

        return items;
    }
}
