using Esper.Storage.KeyValue;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Document writes. Each single-item write is one statement, so SQLite's write lock makes it atomic against every
/// other connection and process: the condition is part of the statement, not a read before it.
/// </summary>
internal static class SqliteDocumentWriter
{
    /// <summary>Most items of a batch written in one transaction.</summary>
    public const int ChunkSize = 256;

    public static WriteResult Put(SqliteSession session, ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt, long now)
    {
        var version = ItemVersion.New();
        var statement = condition.Kind switch
        {
            WriteConditionKind.IfAbsent => SqliteStatement.PutIfAbsent,
            WriteConditionKind.IfVersion => SqliteStatement.PutIfVersion,
            _ => SqliteStatement.PutUpsert,
        };
        var changed = session.Command(statement)
            .BindKey(key)
            .Bind("$document", document)
            .Bind("$version", version)
            .Bind("$expires_at", expiresAt.ToUnixMilliseconds())
            .Bind("$now", now)
            .Bind("$expected", condition.Version)
            .ExecuteNonQuery();
        return changed > 0 ? WriteResult.Written(version)
            : condition.Kind == WriteConditionKind.IfAbsent ? WriteResult.Conflict
            : Miss(session, key, now);
    }

    public static WriteResult Delete(SqliteSession session, ItemKey key, string? expectedVersion, long now)
    {
        var changed = session.Command(SqliteStatement.Delete)
            .BindKey(key)
            .Bind("$expected", expectedVersion)
            .Bind("$now", now)
            .ExecuteNonQuery();
        return changed > 0 ? WriteResult.Written(null) : Miss(session, key, now);
    }

    /// <summary>Writes up to <see cref="ChunkSize"/> items from <paramref name="start"/> in one transaction; returns how many.</summary>
    public static int PutChunk(SqliteSession session, IReadOnlyList<BatchItem> items, int start) =>
        session.InWriteTransaction((items, start), static (session, a) =>
        {
            var end = Math.Min(a.start + ChunkSize, a.items.Count);
            var command = session.Command(SqliteStatement.PutUpsert);
            for (var i = a.start; i < end; i++)
            {
                var item = a.items[i];
                ArgumentNullException.ThrowIfNull(item.Document, nameof(items));
                command.BindKey(item.Key)
                    .Bind("$document", item.Document)
                    .Bind("$version", ItemVersion.New())
                    .Bind("$expires_at", item.ExpiresAt.ToUnixMilliseconds())
                    .ExecuteNonQuery();
            }

            return end - a.start;
        });

    // A conditional write or delete changed nothing: say whether a live item was there (conflict) or not.
    private static WriteResult Miss(SqliteSession session, ItemKey key, long now) =>
        SqliteDocumentReader.LiveVersion(session, key, now) is null
            ? WriteResult.NotFound
            : WriteResult.Conflict;
}
