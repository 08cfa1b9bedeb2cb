using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, safe for several processes at once. Every operation runs
/// synchronously on a pooled connection with prepared statements (an embedded call is microseconds; there is no
/// network I/O worth awaiting), so the returned tasks are already complete.
/// </summary>
public sealed class SqliteKeyValueStore : IKeyValueStore, IDisposable
{
    private readonly SqliteSessionPool _pool;
    private readonly TimeProvider _time;
    private readonly SqliteExpiryPurge _purge;

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
        _purge = new SqliteExpiryPurge(options.PurgeInterval);
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
            return new(SqliteDocumentReader.Get(session, key, NowMs()));
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
        var session = _pool.Rent();
        try
        {
            return new(SqliteDocumentReader.Query(session, partitionKey, sortKeyPrefix, options, NowMs()));
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
        var session = _pool.Rent();
        try
        {
            var result = SqliteDocumentWriter.Put(session, key, document, condition, expiresAt, now);
            _purge.RunIfDue(session, now);
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
        var session = _pool.Rent();
        try
        {
            return new(SqliteDocumentWriter.Delete(session, key, expectedVersion, NowMs()));
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
            _purge.RunIfDue(session, now);
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
            SqliteDocumentWriter.PutBatch(session, items, cancellationToken);
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
                return new(session.Command(SqliteStatement.Ping).ExecuteScalar() is 1L);
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
            return SqliteExpiryPurge.All(session, NowMs());
        }
        finally
        {
            _pool.Return(session);
        }
    }

    /// <summary>Closes the idle connections; the database file stays.</summary>
    public void Dispose() => _pool.Dispose();

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
