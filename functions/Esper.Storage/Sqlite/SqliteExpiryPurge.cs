using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Esper.Storage.Sqlite;

/// <summary>
/// Deletes expired rows. Reads already ignore them; this only keeps the file from growing with dead items.
/// Writes call <see cref="RunIfDue"/>, which does a bounded pass at most once per interval.
/// </summary>
internal sealed class SqliteExpiryPurge(TimeSpan interval)
{
    private const int RowsPerPass = 500;

    private readonly long _intervalMs = (long)interval.TotalMilliseconds;
    private long _nextAtMs;

    public void RunIfDue(SqliteSession session, long nowMs)
    {
        var due = Interlocked.Read(ref _nextAtMs);
        if (_intervalMs <= 0 || nowMs < due || Interlocked.CompareExchange(ref _nextAtMs, nowMs + _intervalMs, due) != due)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            Pass(session, nowMs);
            SqliteStoreMetrics.Purge.RecordSince(started);
        }
        catch (SqliteException)
        {
            // Housekeeping only: expired rows are invisible anyway, so a busy database must not fail the caller's write.
        }
    }

    public static int All(SqliteSession session, long nowMs)
    {
        int removed = 0, pass;
        do
        {
            pass = Pass(session, nowMs);
            removed += pass;
        }
        while (pass > 0);
        return removed;
    }

    private static int Pass(SqliteSession session, long nowMs) =>
        session.Command(SqliteStatement.PurgeItems).Bind("$now", nowMs).Bind("$limit", RowsPerPass).ExecuteNonQuery()
        + session.Command(SqliteStatement.PurgeCounterItems).Bind("$now", nowMs).Bind("$limit", RowsPerPass).ExecuteNonQuery();
}
