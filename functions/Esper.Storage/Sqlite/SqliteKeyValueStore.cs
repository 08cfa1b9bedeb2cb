using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, safe for several processes at once. Every operation runs
/// synchronously on a pooled connection with prepared statements (an embedded call is microseconds; there is no
/// I/O worth awaiting), so the returned tasks are already complete.
/// </summary>
public sealed class SqliteKeyValueStore : IKeyValueStore, IDisposable
{
    private const int BatchChunk = 256;
    private const int PurgeChunk = 500;

    private readonly SqliteSessionPool _pool;
    private readonly TimeProvider _time;
    private readonly long _purgeIntervalMs;
    private long _nextPurgeAtMs;

    /// <summary>Opens (creating when missing) the database file at <paramref name="path"/> with default options.</summary>
    public SqliteKeyValueStore(string path, TimeProvider timeProvider)
        : this(new SqliteStoreOptions { Path = path }, timeProvider)
    {
    }

    /// <summary>Opens (creating when missing) the database that <paramref name="options"/> names and creates its tables.</summary>
    public SqliteKeyValueStore(SqliteStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _time = timeProvider;
        _purgeIntervalMs = (long)options.PurgeInterval.TotalMilliseconds;
        _pool = new SqliteSessionPool(SqliteDatabase.ConnectionString(options), options);
        SqliteDatabase.Initialize(_pool);
    }

    /// <inheritdoc />
    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = _pool.Rent();
        try
        {
            using var reader = session.Command(SqliteStatement.Get).BindKey(key).Bind("$now", NowMs()).ExecuteReader();
            return new(reader.Read() ? new StoredItem(key, reader.GetString(0), reader.GetString(1), reader.GetExpiry(2)) : null);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredItem>> QueryAsync(string partitionKey, string sortKeyPrefix, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(sortKeyPrefix);
        cancellationToken.ThrowIfCancellationRequested();
        var statement = options?.Descending == true ? SqliteStatement.QueryDescending : SqliteStatement.QueryAscending;
        var session = _pool.Rent();
        try
        {
            using var reader = session.Command(statement)
                .Bind("$pk", partitionKey)
                .Bind("$from", sortKeyPrefix)
                .Bind("$to", SortKeyRange.UpperBound(sortKeyPrefix))
                .Bind("$now", NowMs())
                .Bind("$limit", options?.Limit is { } limit ? Math.Max(limit, 0) : -1)
                .ExecuteReader();
            var items = new List<StoredItem>();
            while (reader.Read())
            {
                var key = new ItemKey(partitionKey, reader.GetString(0));
                items.Add(new StoredItem(key, reader.GetString(1), reader.GetString(2), reader.GetExpiry(3)));
            }

            return new(items);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<WriteResult> PutAsync(ItemKey key, string document, WriteCondition condition, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var now = NowMs();
        var version = ItemVersion.New();
        var statement = condition.Kind switch
        {
            WriteConditionKind.IfAbsent => SqliteStatement.PutIfAbsent,
            WriteConditionKind.IfVersion => SqliteStatement.PutIfVersion,
            _ => SqliteStatement.PutUpsert,
        };
        var session = _pool.Rent();
        try
        {
            var changed = session.Command(statement)
                .BindKey(key)
                .Bind("$document", document)
                .Bind("$version", version)
                .Bind("$expires_at", expiresAt.ToUnixMilliseconds())
                .Bind("$now", now)
                .Bind("$expected", condition.Version)
                .ExecuteNonQuery();
            var result = changed > 0 ? WriteResult.Written(version)
                : condition.Kind == WriteConditionKind.IfAbsent ? WriteResult.Conflict
                : Miss(session, key, now);
            PurgeIfDue(session, now);
            return new(result);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = NowMs();
        var session = _pool.Rent();
        try
        {
            var changed = session.Command(SqliteStatement.Delete)
                .BindKey(key)
                .Bind("$expected", expectedVersion)
                .Bind("$now", now)
                .ExecuteNonQuery();
            return new(changed > 0 ? WriteResult.Written(null) : Miss(session, key, now));
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var now = NowMs();
        var session = _pool.Rent();
        try
        {
            var counters = SqliteCounterWriter.Apply(session, key, update, now);
            PurgeIfDue(session, now);
            return new(counters);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = _pool.Rent();
        try
        {
            return new(session.Command(SqliteStatement.CounterGetLive).BindKey(key).Bind("$now", NowMs()).ReadCounters());
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var session = _pool.Rent();
        try
        {
            // One transaction per chunk: one sync per chunk instead of per item, without holding the write lock long.
            for (var start = 0; start < items.Count; start += BatchChunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var transaction = session.BeginWrite();
                var command = session.Command(SqliteStatement.PutUpsert, transaction);
                for (var i = start; i < Math.Min(start + BatchChunk, items.Count); i++)
                {
                    var item = items[i];
                    ArgumentNullException.ThrowIfNull(item.Document, nameof(items));
                    command.BindKey(item.Key)
                        .Bind("$document", item.Document)
                        .Bind("$version", ItemVersion.New())
                        .Bind("$expires_at", item.ExpiresAt.ToUnixMilliseconds())
                        .ExecuteNonQuery();
                }

                transaction.Commit();
            }

            return ValueTask.CompletedTask;
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var session = _pool.Rent();
            try
            {
                return new(session.Command(SqliteStatement.Ping).ExecuteScalar() is long one && one == 1);
            }
            finally
            {
                _pool.Return(session);
            }
        }
        catch (SqliteException)
        {
            return new(false);
        }
    }

    /// <summary>Deletes every expired document and counter item now; returns how many items were removed.</summary>
    public int PurgeExpired()
    {
        var session = _pool.Rent();
        try
        {
            var now = NowMs();
            int removed = 0, pass;
            do
            {
                pass = Purge(session, now, PurgeChunk);
                removed += pass;
            }
            while (pass > 0);
            return removed;
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <summary>Closes the idle connections; the database file stays.</summary>
    public void Dispose() => _pool.Dispose();

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // A conditional write or delete changed nothing: say whether a live item was there (conflict) or not.
    private static WriteResult Miss(SqliteSession session, ItemKey key, long now) =>
        session.Command(SqliteStatement.ReadVersion).BindKey(key).Bind("$now", now).ExecuteScalar() is null
            ? WriteResult.NotFound
            : WriteResult.Conflict;

    private void PurgeIfDue(SqliteSession session, long now)
    {
        var due = Interlocked.Read(ref _nextPurgeAtMs);
        if (_purgeIntervalMs <= 0 || now < due || Interlocked.CompareExchange(ref _nextPurgeAtMs, now + _purgeIntervalMs, due) != due)
        {
            return;
        }

        try
        {
            Purge(session, now, PurgeChunk);
        }
        catch (SqliteException)
        {
            // Housekeeping only: expired rows are invisible anyway, so a busy database must not fail the caller's write.
        }
    }

    private static int Purge(SqliteSession session, long now, int limit) =>
        session.Command(SqliteStatement.PurgeItems).Bind("$now", now).Bind("$limit", limit).ExecuteNonQuery()
        + session.Command(SqliteStatement.PurgeCounterItems).Bind("$now", now).Bind("$limit", limit).ExecuteNonQuery();
}
