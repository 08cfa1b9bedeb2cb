using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, safe for several processes at once. Every operation runs on a
/// pooled connection with prepared statements, synchronously (an embedded call is microseconds; there is no network
/// I/O worth awaiting): a returned task is already complete unless a write waited for this process's write turn.
/// </summary>
public sealed class SqliteKeyValueStore : IKeyValueStore, IDisposable
{
    private readonly SqliteSessionPool _pool;
    private readonly TimeProvider _time;
    private readonly SqliteExpiryPurge _purge;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
        return WriteAsync(
            (key, document, condition, expiresAt),
            static (session, a, now) => SqliteDocumentWriter.Put(session, a.key, a.document, a.condition, a.expiresAt, now),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (key, expectedVersion),
            static (session, a, now) => SqliteDocumentWriter.Delete(session, a.key, a.expectedVersion, now),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        return WriteAsync(
            (key, update),
            static (session, a, now) => SqliteCounterWriter.Apply(session, a.key, a.update, now),
            cancellationToken);
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
    public async ValueTask BatchPutAsync(IReadOnlyList<BatchItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);

        // One transaction (one commit) per chunk, and the write turn is given back between chunks, so a large batch
        // never holds up decisions for long.
        for (var start = 0; start < items.Count; start += SqliteDocumentWriter.ChunkSize)
        {
            await WriteAsync(
                (items, start),
                static (session, a, _) => SqliteDocumentWriter.PutChunk(session, a.items, a.start),
                cancellationToken);
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
    public void Dispose()
    {
        _pool.Dispose();
        _writeGate.Dispose();
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Writers of this process take turns at the gate before they contend for SQLite's file lock. The file lock is
    // what makes writes safe (across processes too); the gate only keeps them fair and fast here: SQLite's busy
    // handler polls with growing sleeps, so writers of one process racing for the lock starve each other (tail
    // latencies of hundreds of milliseconds), while the gate hands the turn over at once and blocks no thread.
    private ValueTask<T> WriteAsync<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_writeGate.Wait(0, CancellationToken.None))
        {
            return WaitThenWriteAsync(args, write, cancellationToken);
        }

        try
        {
            return new(Write(args, write));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async ValueTask<T> WaitThenWriteAsync<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return Write(args, write);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private T Write<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write)
    {
        var now = NowMs();
        var session = _pool.Rent();
        try
        {
            var result = write(session, args, now);
            _purge.RunIfDue(session, now);
            return result;
        }
        finally
        {
            _pool.Return(session);
        }
    }
}
