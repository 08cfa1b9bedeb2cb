using System.Diagnostics;

namespace Esper.Storage.Sqlite;

/// <summary>The write-behind path: writes stage item states in a group that is logged as one frame (see <see cref="SqliteWriteBehind"/>).</summary>
public sealed partial class SqliteKeyValueStore
{
    // The layer is full: wait, holding no write turn, for the checkpoint that makes room, then write as usual.
    private async ValueTask<T> WaitForRoomThenWriteAsync<TArgs, T>(TArgs args, Func<SqliteSession, TArgs, long, T> write, Func<SqliteLogGroup, TArgs, long, T> logged, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.GetTimestamp();
        await _writeBehind!.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        SqliteStoreMetrics.RoomWait.RecordSince(waited);
        if (!_writeGate.Wait(0, CancellationToken.None))
        {
            return await WaitThenWriteAsync(args, write, logged, cancellationToken).ConfigureAwait(false);
        }

        var held = Stopwatch.GetTimestamp();
        try
        {
            return WriteLogged(args, logged);
        }
        finally
        {
            _writeGate.Release();
            SqliteStoreMetrics.WriteTurnHeld.RecordSince(held);
        }
    }

    // An uncontended write: a group of one, answered once its frame is in the log.
    private T WriteLogged<TArgs, T>(TArgs args, Func<SqliteLogGroup, TArgs, long, T> logged)
    {
        var group = _writeBehind!.Group;
        var session = _pool.Rent();
        try
        {
            group.Begin(session);
            T result;
            try
            {
                result = logged(group, args, NowMs());
            }
            catch
            {
                // Nothing was logged; a counter item the write loaded stays as SQLite holds it.
                _counters.Revert();
                throw;
            }

            _writeBehind.Commit(group);
            Interlocked.Increment(ref _commits);
            return result;
        }
        finally
        {
            group.Clear();
            _pool.Return(session);
        }
    }

    // A group under the write turn: each write stages its states (a write that throws is undone alone and its caller
    // gets the error), then one frame holds them all. No caller is completed before that frame is in the log.
    private void LogGroup(SqliteSession session, List<SqliteQueuedWrite> writes, long now)
    {
        var group = _writeBehind!.Group;
        var errors = new Exception?[writes.Count];
        var failed = false;
        group.Begin(session);
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var mark = group.Mark();
                try
                {
                    writes[i].RunLogged(group, now);
                }
                catch (Exception exception)
                {
                    group.RollbackTo(mark);
                    errors[i] = exception;
                    failed = true;
                }
            }

            _writeBehind.Commit(group);
        }
        finally
        {
            group.Clear();
        }

        Interlocked.Increment(ref _commits);
        if (writes.Count > 1)
        {
            Interlocked.Increment(ref _groupCommits);
        }

        if (failed)
        {
            Interlocked.Increment(ref _groupRetries);
        }

        for (var i = 0; i < writes.Count; i++)
        {
            if (errors[i] is { } error)
            {
                writes[i].Fail(error);
            }
            else
            {
                writes[i].Complete();
            }
        }
    }
}
