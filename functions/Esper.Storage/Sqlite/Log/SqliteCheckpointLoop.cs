using System.Diagnostics;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The background loop that runs a write-behind store's checkpoints: on every interval of the store's clock (none when
/// the interval is zero) and whenever <see cref="Wake"/> asks. Wakes that arrive while a checkpoint runs are served by
/// the next one. A checkpoint that throws is left to its waiters (they got the error); the next wake retries.
/// </summary>
/// <remarks>
/// The loop has a thread of its own, at a lower CPU priority (<see cref="SqliteBackgroundPriority"/>). A checkpoint
/// is synchronous SQLite work of tens to hundreds of milliseconds: on a thread-pool thread it took one of the few
/// workers a small machine has (two on two cores) from the requests for that long, and at the same priority it took
/// turns on the CPU with the answers, whose tail latency then grew by the checkpoint's duration.
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
        SqliteBackgroundPriority.LowerCurrentThread();
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
