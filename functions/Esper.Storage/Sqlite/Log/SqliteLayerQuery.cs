using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// A query of a write-behind store: the SQLite rows of the range merged with the layer's entries for it, where the
/// layer wins (a newer document, a deletion, an expiry). The layer is read first: an entry a checkpoint removes
/// meanwhile is in SQLite by then, so nothing written before the query is missed.
/// </summary>
internal static class SqliteLayerQuery
{
    public static List<StoredItem> Query(SqliteSession session, SqliteLogLayer layer, string partitionKey, string sortKeyPrefix, QueryOptions? options, long now)
    {
        var overlay = layer.InRange(partitionKey, sortKeyPrefix);
        if (overlay.Count == 0)
        {
            return SqliteDocumentReader.Query(session, partitionKey, sortKeyPrefix, options, now);
        }

        // Each layer entry hides at most one SQLite row, so this many rows still hold the first Limit live items.
        var limit = options?.Limit is { } asked ? Math.Max(asked, 0) : (int?)null;
        var rows = SqliteDocumentReader.Query(
            session,
            partitionKey,
            sortKeyPrefix,
            options is null ? null : options with { Limit = limit is { } l ? l + overlay.Count : null },
            now);
        var shadowed = new HashSet<string>(overlay.Count, StringComparer.Ordinal);
        var merged = new List<StoredItem>(rows.Count + overlay.Count);
        foreach (var (key, item) in overlay)
        {
            shadowed.Add(key.SortKey);
            if (item.IsLiveDocument(now))
            {
                merged.Add(item.ToStored(key));
            }
        }

        foreach (var row in rows)
        {
            if (!shadowed.Contains(row.Key.SortKey))
            {
                merged.Add(row);
            }
        }

        var descending = options?.Descending == true;
        merged.Sort((a, b) => descending
            ? string.CompareOrdinal(b.Key.SortKey, a.Key.SortKey)
            : string.CompareOrdinal(a.Key.SortKey, b.Key.SortKey));
        if (limit is { } take && merged.Count > take)
        {
            merged.RemoveRange(take, merged.Count - take);
        }

        return merged;
    }
}
