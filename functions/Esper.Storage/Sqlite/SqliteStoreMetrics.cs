using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The embedded store's meter (<see cref="Name"/>): how long writers hold and wait for the write turn, how long
/// checkpoints, log appends (and how many bytes they write), counter-item loads, cache trims and expiry purges take. Durations in milliseconds.
/// Recording costs a timestamp when nothing listens; read it with <c>dotnet-counters</c> or OpenTelemetry.
/// </summary>
public static class SqliteStoreMetrics
{
    /// <summary>The <see cref="Meter"/> name to subscribe to.</summary>
    public const string Name = "Esper.Storage.Sqlite";

    private static readonly Meter Meter = new(Name);

    private static readonly string[] StatementNames = Enum.GetNames<SqliteStatement>();

    internal static readonly Histogram<double> WriteTurnHeld = Meter.CreateHistogram<double>("esper.sqlite.write_turn.held", "ms", "Time a writer held the write turn (one write, or the groups it ran).");

    internal static readonly Histogram<double> WriteTurnWait = Meter.CreateHistogram<double>("esper.sqlite.write_turn.wait", "ms", "Time a queued writer waited for the write turn.");

    internal static readonly Histogram<double> RoomWait = Meter.CreateHistogram<double>("esper.sqlite.room.wait", "ms", "Time a writer waited for a checkpoint because the write-behind layer was full.");

    internal static readonly Histogram<double> Checkpoint = Meter.CreateHistogram<double>("esper.sqlite.checkpoint", "ms", "Duration of a write-behind checkpoint run by the background loop.");

    internal static readonly Histogram<double> InlineCheckpoint = Meter.CreateHistogram<double>("esper.sqlite.checkpoint.inline", "ms", "Duration of a checkpoint run under the write turn to bring the counter cache under its bound.");

    internal static readonly Histogram<double> CheckpointApply = Meter.CreateHistogram<double>("esper.sqlite.checkpoint.apply", "ms", "Time a checkpoint spent writing the layer's items (its transaction before the purge and the COMMIT).");

    internal static readonly Histogram<double> CheckpointCommit = Meter.CreateHistogram<double>("esper.sqlite.checkpoint.commit", "ms", "Duration of a checkpoint's COMMIT (SQLite's WAL append and, at times, its own WAL checkpoint).");

    internal static readonly Counter<long> CheckpointFailures = Meter.CreateCounter<long>("esper.sqlite.checkpoint.failed", "{checkpoint}", "Checkpoints that failed (tag 'error': 'sqlite_<code>' for SQLite's primary result code, else the exception's type); writes are refused while they fail and the log keeps everything.");

    internal static readonly Histogram<int> CheckpointItems = Meter.CreateHistogram<int>("esper.sqlite.checkpoint.items", "{item}", "Items a checkpoint wrote.");

    internal static readonly Counter<long> Statements = Meter.CreateCounter<long>("esper.sqlite.statements", "{statement}", "SQLite statements run, by statement (tag 'statement') and by where they ran (tag 'path': 'checkpoint' or 'request').");

    internal static readonly Histogram<double> LogAppend = Meter.CreateHistogram<double>("esper.sqlite.log.append", "ms", "Duration of one frame's append to the write-behind log (its fsync included when synchronous=full).");

    internal static readonly Counter<long> LogBytes = Meter.CreateCounter<long>("esper.sqlite.log.bytes", "By", "Bytes appended to the write-behind log (whole frames, headers included).");

    internal static readonly Histogram<double> CounterLoad = Meter.CreateHistogram<double>("esper.sqlite.counter.load", "ms", "Duration of loading a counter item from SQLite into memory.");

    internal static readonly Histogram<double> CounterTrim = Meter.CreateHistogram<double>("esper.sqlite.counter.trim", "ms", "Duration of one trim of the counter cache (it drops at most 512 items).");

    internal static readonly Histogram<double> Purge = Meter.CreateHistogram<double>("esper.sqlite.purge", "ms", "Duration of one expiry purge pass.");

    /// <summary>Counts one run of <paramref name="statement"/>, on the checkpoint thread or on a request's path.</summary>
    internal static void CountStatement(SqliteStatement statement, bool checkpoint)
    {
        if (Statements.Enabled)
        {
            Statements.Add(1, new KeyValuePair<string, object?>("statement", StatementNames[(int)statement]), new KeyValuePair<string, object?>("path", checkpoint ? "checkpoint" : "request"));
        }
    }

    /// <summary>Counts one failed checkpoint, tagged with what failed it.</summary>
    internal static void CountCheckpointFailure(Exception exception)
    {
        if (CheckpointFailures.Enabled)
        {
            var error = exception is Microsoft.Data.Sqlite.SqliteException sqlite
                ? "sqlite_" + (sqlite.SqliteErrorCode & 0xff).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : exception.GetType().Name;
            CheckpointFailures.Add(1, new KeyValuePair<string, object?>("error", error));
        }
    }

    /// <summary>Records the milliseconds since <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    internal static void RecordSince(this Histogram<double> histogram, long startedAt)
    {
        if (histogram.Enabled)
        {
            histogram.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        }
    }
}
