using System.Diagnostics;

namespace Esper.Storage.Sqlite;

/// <summary>
/// The background loop that runs a write-behind store's checkpoints: on every interval of the store's clock (none when
/// the interval is zero) and whenever <see cref="Wake"/> asks. Wakes that arrive while a checkpoint runs are served by
/// the next one. A checkpoint that throws is left to its waiters (they got the error); the next wake retries.
/// </summary>
internal sealed class SqliteCheckpointLoop : IDisposable
{
    private readonly Action _checkpoint;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer? _timer;
    private readonly Task _loop;

    public SqliteCheckpointLoop(Action checkpoint, TimeProvider time, TimeSpan interval)
    {
        _checkpoint = checkpoint;
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(static state => ((SqliteCheckpointLoop)state!).Wake(), this, interval, interval);
        }

        _loop = Task.Run(RunAsync);
    }

    /// <summary>Asks for a checkpoint.</summary>
    public void Wake() => _wake.Release();

    /// <summary>Stops the timer and the loop, waiting for a checkpoint in progress to end.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _stop.Cancel();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
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
