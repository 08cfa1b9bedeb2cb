using System.Diagnostics;
using System.Collections.Concurrent;
using Esper.Storage.KeyValue;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, owned by one store at a time (a second store over the same file,
/// in this process or another, is refused at open; see <see cref="SqliteFileOwnership"/>). Every operation runs on a
/// pooled connection with prepared statements, synchronously (an embedded call is microseconds; there is no network
/// I/O worth awaiting): a returned task is already complete unless a write waited for this process's write turn.
/// By default (<see cref="SqliteStoreOptions.WriteBehind"/>) a write is answered once it is in the store's append-only
/// log and SQLite is written behind by checkpoints (see <see cref="SqliteWriteBehind"/>).
/// </summary>
public sealed partial class SqliteKeyValueStore : IKeyValueStore, IHoldsKeysInMemory, IDisposable
{
    /// <summary>Most queued writes run in one group commit, so one transaction (and the lock it holds) stays short.</summary>
    internal const int MaxGroupSize = 64;

    private readonly SqliteFileOwnership _ownership;
    private readonly SqliteSessionPool _pool;
    private readonly TimeProvider _time;
    private readonly SqliteExpiryPurge _purge;
    private readonly SqliteCounterCache _counters;
    private readonly KeyReservations? _reservations;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteWriteBehind? _writeBehind;

    // Writes waiting for the write turn, oldest first (see WaitThenWriteAsync), and the group being run; the
    // group list is only touched under the write turn, so one instance is reused.
    private readonly ConcurrentQueue<SqliteQueuedWrite> _queue = new();
    private readonly List<SqliteQueuedWrite> _group = new(MaxGroupSize);
    private long _groupCommits;
    private long _commits;
    private long _groupRetries;

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
        _counters = new SqliteCounterCache(options.MaxCachedCounterItems, keep: !options.Shared);

        // Only a store that owns its file can hold a key in memory: no other process writes it.
        _reservations = options.Shared ? null : new KeyReservations(timeProvider);
        var connectionString = SqliteDatabase.ConnectionString(options);
        _ownership = SqliteFileOwnership.Claim(SqliteDatabase.FilePath(connectionString), options.Shared);
        _pool = new SqliteSessionPool(connectionString, options);
        try
        {
            SqliteDatabase.Initialize(_pool);

            // Whatever mode this store runs in, what a write-behind store left in its log goes into SQLite first.
            var file = SqliteDatabase.FilePath(connectionString);
            SqliteLogRecovery.Replay(_pool, file);
            if (options.WriteBehind && !options.Shared)
            {
                _writeBehind = new SqliteWriteBehind(_pool, _counters, _purge, timeProvider, options, file);
            }
        }
        catch
        {
            _pool.Dispose();
            _ownership.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredItem?> GetAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_writeBehind is not null && _writeBehind.Layer.TryGet(key, out var logged))
        {
            return new(logged.IsLiveDocument(NowMs()) ? logged.ToStored(key) : null);
        }

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
            return new(_writeBehind is null
                ? SqliteDocumentReader.Query(session, partitionKey, sortKeyPrefix, options, NowMs())
                : SqliteLayerQuery.Query(session, _writeBehind.Layer, partitionKey, sortKeyPrefix, options, NowMs()));
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
            static (group, a, now) => SqliteLoggedWrites.Put(group, a.key, a.document, a.condition, a.expiresAt, now),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<WriteResult> DeleteAsync(ItemKey key, string? expectedVersion = null, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (key, expectedVersion),
            static (session, a, now) => SqliteDocumentWriter.Delete(session, a.key, a.expectedVersion, now),
            static (group, a, now) => SqliteLoggedWrites.Delete(group, a.key, a.expectedVersion, now),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, long>> UpdateCountersAsync(ItemKey key, CounterUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate();
        return WriteAsync(
            (key, update, _counters),
            static (session, a, now) => SqliteCounterWriter.Apply(session, a._counters, a.key, a.update, now),
            static (group, a, now) => SqliteLoggedWrites.UpdateCounters(group, a._counters, a.key, a.update, now),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, long>> GetCountersAsync(ItemKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_counters.TryRead(key, out var cached))
        {
            return new(cached.LiveAt(NowMs()));
        }

        // With the write turn free no transaction is open, so what SQLite holds is committed: the item is loaded into
        // memory under the turn, and later reads of it (a config version read on every decision) cost no statement.
        if (_counters.Keeps && _writeGate.Wait(0, CancellationToken.None))
        {
            try
            {
                return new(ReadThrough(key).LiveAt(NowMs()));
            }
            finally
            {
                _writeGate.Release();
            }
        }

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
                static (group, a, _) => SqliteLoggedWrites.PutChunk(group, a.items, a.start),
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
        // Expired items still in the log are invisible already; the checkpoint puts them where the purge finds them.
        _writeBehind?.Checkpoint();
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

    /// <summary>Closes the idle connections and gives up the file; the database file stays.</summary>
    public void Dispose()
    {
        _writeBehind?.Dispose();
        _pool.Dispose();
        _writeGate.Dispose();
        _ownership.Dispose();
    }

    KeyReservations? IHoldsKeysInMemory.Reservations => _reservations;

    /// <summary>For tests: the connection a write-behind store's checkpoints write through, once one has run.</summary>
    internal SqliteConnection? CheckpointConnection => _writeBehind?.CheckpointConnection;

    /// <summary>For tests: the write turn itself, so a test can hold it while writes queue up behind it.</summary>
    internal SemaphoreSlim WriteTurn => _writeGate;

    /// <summary>For tests: how many writes wait in the queue for the write turn.</summary>
    internal int QueuedWrites => _queue.Count;

    /// <summary>For tests: how many groups of two or more writes were committed together.</summary>
    internal long GroupCommits => Interlocked.Read(ref _groupCommits);

    /// <summary>For tests and the store benchmark: how many write transactions committed (a group counts once).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>For tests: writes every logged item into SQLite now (a write-behind store; nothing otherwise).</summary>
    internal void Checkpoint() => _writeBehind?.Checkpoint();

    /// <summary>For tests: how many item states are in memory waiting for a checkpoint.</summary>
    internal int LoggedItems => _writeBehind?.Layer.Count ?? 0;

    /// <summary>For tests and the store benchmark: how many checkpoints a write-behind store has run.</summary>
    internal long Checkpoints => _writeBehind?.Checkpoints ?? 0;

    /// <summary>For tests: how many counter items are held in memory.</summary>
    internal int CachedCounterItems => _counters.Count;

    /// <summary>For tests: how many groups had a write throw and ran again with a savepoint per write.</summary>
    internal long GroupRetries => Interlocked.Read(ref _groupRetries);

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Writers of this process take turns at the gate before they contend for SQLite's file lock. The file lock is
    // what makes writes safe (across processes too); the gate only keeps them fair and fast here: SQLite's busy
    // handler polls with growing sleeps, so writers of one process racing for the lock starve each other (tail
    // latencies of hundreds of milliseconds), while the gate hands the turn over at once and blocks no thread.
    private ValueTask<T> WriteAsync<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write, Func<SqliteLogGroup, TArgs, long, T> logged, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _writeBehind?.ThrowIfFailing();
        if (_writeBehind is { IsFull: true })
        {
            return WaitForRoomThenWriteAsync(args, write, logged, cancellationToken);
        }

        if (!_writeGate.Wait(0, CancellationToken.None))
        {
            return WaitThenWriteAsync(args, write, logged, cancellationToken);
        }

        var held = Stopwatch.GetTimestamp();
        try
        {
            return new(_writeBehind is null ? Write(args, write) : WriteLogged(args, logged));
        }
        finally
        {
            _writeGate.Release();
            SqliteStoreMetrics.WriteTurnHeld.RecordSince(held);
        }
    }

    // A writer that finds the turn taken queues its write, then waits for the turn. Whoever holds the turn next runs
    // every queued write (up to MaxGroupSize) in one transaction with one commit, so under load the commits (each
    // a WAL append and, with synchronous=FULL, an fsync) are shared instead of paid per write. A waiter whose write
    // a group already ran finds it complete when it gets the turn and just hands the turn on.
    private async ValueTask<T> WaitThenWriteAsync<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write, Func<SqliteLogGroup, TArgs, long, T> logged, CancellationToken cancellationToken)
    {
        var queued = new SqliteQueuedWrite<TArgs, T>(args, write, logged, cancellationToken);
        _queue.Enqueue(queued);
        var waited = Stopwatch.GetTimestamp();
        try
        {
            await _writeGate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (queued.TryDrop())
            {
                throw;
            }

            // A group already took this write: it runs (or ran) regardless, so its outcome is the caller's.
            return await queued.Task;
        }

        SqliteStoreMetrics.WriteTurnWait.RecordSince(waited);
        var held = Stopwatch.GetTimestamp();
        try
        {
            // Writes leave the queue in order, so this write is in the group run now or in one of the next.
            while (!queued.Task.IsCompleted)
            {
                RunGroup();
            }
        }
        finally
        {
            _writeGate.Release();
            SqliteStoreMetrics.WriteTurnHeld.RecordSince(held);
        }

        return await queued.Task;
    }

    // Runs under the write turn. A group of one runs exactly like an uncontended write (no savepoint).
    private void RunGroup()
    {
        var group = _group;
        group.Clear();
        while (group.Count < MaxGroupSize && _queue.TryDequeue(out var queued))
        {
            if (!queued.TryClaim())
            {
                continue;
            }

            if (queued.CancellationToken.IsCancellationRequested)
            {
                queued.Cancel();
                continue;
            }

            group.Add(queued);
        }

        if (group.Count == 0)
        {
            return;
        }

        try
        {
            var now = NowMs();
            var session = _pool.Rent();
            try
            {
                if (_writeBehind is not null)
                {
                    LogGroup(session, group, now);
                }
                else if (group.Count == 1)
                {
                    RunAlone(group[0], session, now);
                    group[0].Complete();
                }
                else
                {
                    CommitGroup(session, group, now);
                }
            }
            finally
            {
                _pool.Return(session);
            }
        }
        catch (Exception exception)
        {
            // Nothing of a write that reaches here was committed (or it was completed already: TrySet* ignores it).
            foreach (var queued in group)
            {
                queued.Fail(exception);
            }
        }
        finally
        {
            group.Clear();
        }
    }

    // One BEGIN IMMEDIATE … COMMIT for the whole group. Writes almost never throw, so the group first runs them
    // bare, one after another (a savepoint per write would add two statements to each); the writes are completed
    // only once the COMMIT succeeded. When one throws, the whole transaction is rolled back, so nothing of the
    // first attempt remains, and the group runs again with a savepoint per write to isolate the failing one.
    private void CommitGroup(SqliteSession session, List<SqliteQueuedWrite> group, long now)
    {
        session.Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
        session.InGroupTransaction = true;
        try
        {
            foreach (var queued in group)
            {
                queued.Run(session, now);
            }
        }
        catch (Exception)
        {
            session.RollbackQuietly();
            session.InGroupTransaction = false;
            _counters.Discard();
            Interlocked.Increment(ref _groupRetries);
            CommitGroupWithSavepoints(session, group, now);
            return;
        }

        try
        {
            _purge.RunIfDue(session, now);
            session.Command(SqliteStatement.Commit).ExecuteNonQuery();
            _counters.Publish();
        }
        catch
        {
            session.RollbackQuietly();
            _counters.Discard();
            throw;
        }
        finally
        {
            session.InGroupTransaction = false;
        }

        Interlocked.Increment(ref _groupCommits);
        Interlocked.Increment(ref _commits);
        foreach (var queued in group)
        {
            queued.Complete();
        }
    }

    // The same group with each write in its own savepoint: a write that throws is rolled back alone and its caller
    // gets the exception; the others are completed only once the COMMIT succeeded.
    private void CommitGroupWithSavepoints(SqliteSession session, List<SqliteQueuedWrite> group, long now)
    {
        var errors = new Exception?[group.Count];
        session.Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
        session.InGroupTransaction = true;
        session.GroupSavepoints = true;
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                try
                {
                    session.InSavepoint((group[i], now), static (session, a) =>
                    {
                        a.Item1.Run(session, a.now);
                        return 0;
                    });
                }
                catch (Exception exception)
                {
                    errors[i] = exception;
                    if (!session.IsTransactionOpen)
                    {
                        // SQLite rolled the whole transaction back: the writes before this one are lost and the rest
                        // did not run, so the whole group fails (with this error; this write keeps its own).
                        throw;
                    }
                }
            }

            _purge.RunIfDue(session, now);
            session.Command(SqliteStatement.Commit).ExecuteNonQuery();
            _counters.Publish();
            Interlocked.Increment(ref _groupCommits);
            Interlocked.Increment(ref _commits);
        }
        catch
        {
            session.RollbackQuietly();
            _counters.Discard();
            for (var i = 0; i < group.Count; i++)
            {
                if (errors[i] is { } own)
                {
                    group[i].Fail(own);
                }
            }

            throw;
        }
        finally
        {
            session.InGroupTransaction = false;
            session.GroupSavepoints = false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (errors[i] is { } error)
            {
                group[i].Fail(error);
            }
            else
            {
                group[i].Complete();
            }
        }
    }

    private T Write<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write)
    {
        var now = NowMs();
        var session = _pool.Rent();
        try
        {
            T result;
            try
            {
                result = write(session, args, now);
            }
            catch
            {
                _counters.Discard();
                throw;
            }

            // The write committed on its own (autocommit or its own transaction): its counters become visible now.
            Committed(session, now);
            return result;
        }
        finally
        {
            _pool.Return(session);
        }
    }

    private SqliteCounterState ReadThrough(ItemKey key)
    {
        var session = _pool.Rent();
        try
        {
            return _counters.LoadCommitted(session, key);
        }
        finally
        {
            _pool.Return(session);
        }
    }

    // A group of one runs exactly like an uncontended write (no group transaction, no savepoint).
    private void RunAlone(SqliteQueuedWrite queued, SqliteSession session, long now)
    {
        try
        {
            queued.Run(session, now);
        }
        catch
        {
            _counters.Discard();
            throw;
        }

        Committed(session, now);
    }

    // After a write that committed alone: publish its counters, count the commit, purge expired items when due.
    private void Committed(SqliteSession session, long now)
    {
        _counters.Publish();
        Interlocked.Increment(ref _commits);
        _purge.RunIfDue(session, now);
    }
}
