using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The writes of a write-behind store: each is evaluated against what the group, the layer and SQLite hold and
/// stages the resulting item states in the group; nothing touches SQLite but a point read when a condition needs one.
/// </summary>
internal static class SqliteLoggedWrites
{
    public static WriteResult Put(SqliteLogGroup group, ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt, long now)
    {
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentNullException.ThrowIfNull(key.SortKey, nameof(key));
        if (condition.Kind != WriteConditionKind.None)
        {
            var live = group.LiveVersion(key, now);
            if (condition.Kind == WriteConditionKind.IfAbsent && live is not null)
            {
                return WriteResult.Conflict;
            }

            if (condition.Kind == WriteConditionKind.IfVersion && live is null)
            {
                return WriteResult.NotFound;
            }

            if (condition.Kind == WriteConditionKind.IfVersion && live != condition.Version)
            {
                return WriteResult.Conflict;
            }
        }

        var version = ItemVersion.New();
        group.Stage(key, SqliteLoggedItem.Put(document, version, expiresAt.ToUnixMilliseconds()));
        return WriteResult.Written(version);
    }

    public static WriteResult Delete(SqliteLogGroup group, ItemKey key, string? expectedVersion, long now)
    {
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentNullException.ThrowIfNull(key.SortKey, nameof(key));
        var live = group.LiveVersion(key, now);
        if (live is null)
        {
            return WriteResult.NotFound;
        }

        if (expectedVersion is not null && live != expectedVersion)
        {
            return WriteResult.Conflict;
        }

        group.Stage(key, SqliteLoggedItem.Deleted);
        return WriteResult.Written(null);
    }

    /// <summary>Counter items are in the cache whenever the layer holds them (it never drops those), so it is the truth.</summary>
    public static IReadOnlyDictionary<string, long> UpdateCounters(SqliteLogGroup group, SqliteCounterCache cache, ItemKey key, CounterUpdate update, long now)
    {
        ArgumentNullException.ThrowIfNull(key.PartitionKey, nameof(key));
        ArgumentNullException.ThrowIfNull(key.SortKey, nameof(key));
        var entry = cache.Touch(group.Session, key);
        var next = SqliteCounterMath.Next(entry.Current, update, now);
        var changed = SqliteCounterMath.Changed(entry.Current, update, now, group.TryGetStaged(key, out var staged) ? staged : null);
        group.Stage(key, changed is null ? SqliteLoggedItem.CounterItem(next) : SqliteLoggedItem.CounterItem(next, changed));
        entry.Current = next;
        return next.View;
    }

    public static int PutChunk(SqliteLogGroup group, IReadOnlyList<BatchItem> items, int start)
    {
        var end = Math.Min(start + SqliteDocumentWriter.ChunkSize, items.Count);
        for (var i = start; i < end; i++)
        {
            var item = items[i];
            ArgumentNullException.ThrowIfNull(item.Document, nameof(items));
            ArgumentNullException.ThrowIfNull(item.Key.PartitionKey, nameof(items));
            ArgumentNullException.ThrowIfNull(item.Key.SortKey, nameof(items));
            group.Stage(item.Key, SqliteLoggedItem.Put(item.Document, ItemVersion.New(), item.ExpiresAt.ToUnixMilliseconds()));
        }

        return end - start;
    }
}
