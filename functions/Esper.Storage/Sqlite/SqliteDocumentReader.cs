using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>Document reads; every statement filters out rows whose expiry has passed.</summary>
internal static class SqliteDocumentReader
{
    public static StoredItem? Get(SqliteSession session, ItemKey key, long now)
    {
        var get = session.Raw(SqliteStatement.Get).BindKey(key).Bind("$now", now);
        if (!get.Step())
        {
            return null;
        }

        try
        {
            var expiresAt = get.GetInt64OrNull(2);
            return new StoredItem(key, get.GetString(0), get.GetString(1), expiresAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
        }
        finally
        {
            get.Reset();
        }
    }

    /// <summary>The version of the live document at <paramref name="key"/> in SQLite, or null when there is none.</summary>
    public static string? LiveVersion(SqliteSession session, ItemKey key, long now)
    {
        var read = session.Raw(SqliteStatement.ReadVersion).BindKey(key).Bind("$now", now);
        if (!read.Step())
        {
            return null;
        }

        try
        {
            return read.GetString(0);
        }
        finally
        {
            read.Reset();
        }
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
