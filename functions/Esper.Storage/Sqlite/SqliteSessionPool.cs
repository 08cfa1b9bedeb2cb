using System.Collections.Concurrent;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Keeps open sessions for reuse so that an operation pays neither a connection open nor a statement compile.
/// Any number of sessions may be out at once; SQLite serialises writers, WAL lets readers run beside them.
/// </summary>
internal sealed class SqliteSessionPool(string connectionString, SqliteStoreOptions options) : IDisposable
{
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return SqliteSession.Open(connectionString, options);
    }

    /// <summary>A session of the pool's settings that the caller keeps and disposes (never returned to the pool).</summary>
    public SqliteSession OpenOwn()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return SqliteSession.Open(connectionString, options);
    }

    public void Return(SqliteSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > options.MaxIdleConnections)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            session.Dispose();
            return;
        }

        _idle.Add(session);
        if (_disposed)
        {
            // Dispose ran while this session was being returned: close what it may have missed.
            DisposeIdle();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeIdle();
    }

    private void DisposeIdle()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
