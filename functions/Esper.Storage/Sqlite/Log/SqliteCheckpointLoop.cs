using System.Diagnostics;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The background loop that runs a write-behind store's checkpoints: on every interval of the store's clock (none when
/// the interval is zero) and whenever <see cref="Wake"/> asks. Wakes that arrive while a checkpoint runs are served by
/// the next one. A checkpoint that throws is left to its waiters (they got the error); the next wake retries.
/// </summary>
/// <remarks>
/// The loop has a thread of its own: a checkpoint is synchronous SQLite work of tens to hundreds of milliseconds, and
/// on a thread-pool thread it took one of the few workers a small machine has (two on two cores) from the requests
/// for that long. It keeps the process's CPU priority: run at a lower one (nice +10) on a machine shared with other
/// work, checkpoints took seconds, the layer filled and writers waited for room for 600 ms.
/// </remarks>
internal sealed class SqliteCheckpointLoop : IDisposable
{
    private readonly Action _checkpoint;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer? _timer;
    private readonly Thread _thread;

    public SqliteCheckpointLoop(Action checkpoint, TimeProvider time, TimeSpan interval)
    {
        _checkpoint = checkpoint;
        _thread = new Thread(Run) { IsBackground = true, Name = "Esper SQLite checkpoint" };
        _thread.Start();
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(static state => ((SqliteCheckpointLoop)state!).Wake(), this, interval, interval);
        }
    }

    /// <summary>Asks for a checkpoint.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Stops the timer and the loop, waiting for a checkpoint in progress to end.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                _wake.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (_wake.Wait(0))
            {
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                _checkpoint();
                SqliteStoreMetrics.Checkpoint.RecordSince(started);
            }
            catch (Exception)
            {
                // Writers waiting for room got the error, and writes are refused while it lasts; the log still holds
                // everything, and the next wake retries.
            }
        }
    }
}
