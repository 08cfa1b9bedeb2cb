using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The write-behind path of a store that owns its file: a group of writes is answered once its item states are one
/// frame in the log (<see cref="SqliteLogSegments"/>) and in the in-memory layer (<see cref="SqliteLogLayer"/>);
/// a checkpoint writes the layer into SQLite behind, in one transaction, on an interval, when the layer grows, or on
/// demand. Writers wait for a checkpoint when the layer holds <see cref="SqliteStoreOptions.MaxLoggedItems"/> items.
/// </summary>
internal sealed class SqliteWriteBehind : IDisposable
{
    private readonly SqliteSessionPool _pool;
    private readonly SqliteCounterCache _counters;
    private readonly SqliteExpiryPurge _purge;
    private readonly TimeProvider _time;
    private readonly int _maxItems;
    private readonly object _logLock = new();
    private readonly object _checkpointLock = new();
    private readonly SqliteLogSegments _log;
    private readonly MemoryStream _frame = new();
    private readonly SqliteCheckpointLoop _loop;
    private TaskCompletionSource _checkpointed = NewSignal();
    private SqliteSession? _checkpointSession;
    private bool _checkpointSessionClosed;
    private volatile SqliteException? _failure;
    private long _frames;
    private long _checkpoints;
    private bool _disposed;

    public SqliteWriteBehind(SqliteSessionPool pool, SqliteCounterCache counters, SqliteExpiryPurge purge, TimeProvider time, SqliteStoreOptions options, string databasePath)
    {
        _pool = pool;
        _counters = counters;
        _purge = purge;
        _time = time;
        _maxItems = options.MaxLoggedItems;
        Group = new SqliteLogGroup(Layer);

        // The cache must not drop a counter item whose newest state only the layer (and the log) holds.
        counters.Pinned = Layer.Contains;
        _log = new SqliteLogSegments(databasePath, options.Synchronous == SqliteSynchronousMode.Full);
        _loop = new SqliteCheckpointLoop(Checkpoint, time, options.CheckpointInterval);
    }

    public SqliteLogLayer Layer { get; } = new();

    /// <summary>The group being run; used only under the store's write turn.</summary>
    public SqliteLogGroup Group { get; }

    /// <summary>True when writers must wait for a checkpoint before they add to the layer.</summary>
    public bool IsFull => Layer.Count >= _maxItems;

    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>
    /// Throws while the last checkpoint failed with a SQLite error (the file locked past the busy timeout, read-only,
    /// full): the store refuses writes, as the direct path would, until a checkpoint succeeds. Each refusal asks for
    /// another attempt, so the store resumes on its own once SQLite can be written again.
    /// </summary>
    public void ThrowIfFailing()
    {
        if (_failure is { } failure)
        {
            Wake();
            throw new SqliteException("The embedded store cannot write its database file, so it takes no more writes until it can: " + failure.Message, failure.SqliteErrorCode, failure.SqliteExtendedErrorCode);
        }
    }

    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>For tests: the connection checkpoints write through, once one has run.</summary>
    internal SqliteConnection? CheckpointConnection
    {
        get
        {
            lock (_checkpointLock)
            {
                return _checkpointSession?.Connection;
            }
        }
    }

    /// <summary>Waits (holding no write turn) until the layer has room; a failed checkpoint fails the wait with its error.</summary>
    public async ValueTask WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = Volatile.Read(ref _checkpointed).Task;
            if (!IsFull)
            {
                return;
            }

            Wake();
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Logs what the group staged as one frame and makes it visible (layer, counter cache); the group's writers may be
    /// answered when this returns. When the append fails nothing of the group is visible and the error is thrown.
    /// </summary>
    public void Commit(SqliteLogGroup group)
    {
        var staged = group.Staged;
        if (staged.Count > 0)
        {
            try
            {
                lock (_logLock)
                {
                    SqliteLogFrame.Encode(_frame, staged);
                    var appending = Stopwatch.GetTimestamp();
                    _log.Append(_frame.GetBuffer().AsSpan(0, (int)_frame.Length));
                    SqliteStoreMetrics.LogAppend.RecordSince(appending);
                    SqliteStoreMetrics.LogBytes.Add(_frame.Length);
                    foreach (var (key, item) in staged)
                    {
                        Layer.Set(key, item);
                    }
                }
            }
            catch
            {
                _counters.Revert();
                throw;
            }

            Interlocked.Increment(ref _frames);
        }

        _counters.Publish();
        if (_counters.OverCapacity)
        {
            // Only items whose newest state is still in the log kept the cache over its bound: checkpoint them (which
            // never needs the write turn this caller holds) so the cache can drop them.
            var started = Stopwatch.GetTimestamp();
            Checkpoint();
            SqliteStoreMetrics.InlineCheckpoint.RecordSince(started);
            _counters.TrimIfOver();
        }

        if (Layer.Count >= _maxItems / 2)
        {
            Wake();
        }
    }

    /// <summary>Asks the background loop for a checkpoint.</summary>
    public void Wake() => _loop.Wake();

    /// <summary>
    /// Writes every layer entry into SQLite in one transaction (with the expiry purge when due), drops the entries no
    /// newer write replaced, and deletes the log segments sealed before it. Checkpoints run one at a time.
    /// </summary>
    public void Checkpoint()
    {
        lock (_checkpointLock)
        {
            var done = _checkpointed;
            try
            {
                CheckpointNow();
                _failure = null;
            }
            catch (Exception exception)
            {
                SqliteStoreMetrics.CountCheckpointFailure(exception);
                if (exception is SqliteException sqlite)
                {
                    _failure = sqlite;
                }

                Volatile.Write(ref _checkpointed, NewSignal());
                done.TrySetException(exception);
                throw;
            }

            Volatile.Write(ref _checkpointed, NewSignal());
            done.TrySetResult();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _loop.Dispose();
        try
        {
            Checkpoint();
        }
        catch (Exception)
        {
            // The log keeps what SQLite did not get: the next open replays it.
        }

        lock (_checkpointLock)
        {
            _checkpointSession?.Dispose();
            _checkpointSession = null;
            _checkpointSessionClosed = true;
        }

        lock (_logLock)
        {
            try
            {
                _log.Dispose();
            }
            catch (IOException)
            {
                // Closing never fails a dispose: whatever the log holds is replayed on the next open.
            }
        }
    }

    private void CheckpointNow()
    {
        int sealedCount;
        lock (_logLock)
        {
            // Every frame of the sealed segments is in the layer already (a group's frame and its layer entries are
            // added under this lock), so the snapshot below covers them; later frames go to the fresh segment.
            _log.Seal();
            sealedCount = _log.Sealed.Count;
        }

        var snapshot = Layer.Snapshot();
        if (snapshot.Length > 0)
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var session = CheckpointSession();
            var started = Stopwatch.GetTimestamp();
            session.Command(SqliteStatement.BeginImmediate).ExecuteNonQuery();
            try
            {
                foreach (var (key, item) in snapshot)
                {
                    SqliteLogApply.Apply(session, key, item);
                }

                SqliteStoreMetrics.CheckpointApply.RecordSince(started);
                _purge.RunIfDue(session, now);
                var committing = Stopwatch.GetTimestamp();
                session.Command(SqliteStatement.Commit).ExecuteNonQuery();
                SqliteStoreMetrics.CheckpointCommit.RecordSince(committing);
                SqliteStoreMetrics.CheckpointItems.Record(snapshot.Length);
            }
            catch
            {
                session.RollbackQuietly();
                throw;
            }

            Layer.RemoveWritten(snapshot);
        }

        lock (_logLock)
        {
            _log.DeleteSealed(sealedCount);
        }

        Interlocked.Increment(ref _checkpoints);
    }

    // The checkpoint's own session, opened on first use and kept (under the checkpoint lock): it is the file's only
    // writer, so its page cache, larger than a pooled session's, stays valid between checkpoints.
    private SqliteSession CheckpointSession()
    {
        if (_checkpointSession is { } session)
        {
            return session;
        }

        // A writer's checkpoint racing the store's dispose must not open a connection nobody closes.
        ObjectDisposedException.ThrowIf(_checkpointSessionClosed, this);
        session = _pool.OpenOwn();
        try
        {
            SqliteSession.Execute(session.Connection, $"PRAGMA cache_size = -{SqliteSession.CheckpointCacheKib};");
        }
        catch
        {
            session.Dispose();
            throw;
        }

        session.InCheckpoint = true;
        return _checkpointSession = session;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
