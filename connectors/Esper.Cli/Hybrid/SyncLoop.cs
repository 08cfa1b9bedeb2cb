using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Esper.Cli.Hybrid;

/// <summary>Runs <see cref="OriginSync"/> every <see cref="RuntimeSettings.SyncIntervalSeconds"/>; on shutdown (SIGTERM) forwards what is queued once more.</summary>
internal sealed partial class SyncLoop(OriginSync sync, RuntimeSettings settings, TimeProvider time, ILogger<SyncLoop> logger) : BackgroundService
{
    /// <summary>How long shutdown waits for the final forward before leaving the rest on disk for the next start.</summary>
    public static readonly TimeSpan ShutdownFlushTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.SyncIntervalSeconds), time);
        do
        {
            await sync.RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loop was stopped mid-round; the final flush below still runs.
        }

        using var timeout = new CancellationTokenSource(ShutdownFlushTimeout, time);
        try
        {
            await sync.ForwardAsync(timeout.Token).ConfigureAwait(false);
            LogFlushed(logger);
        }
        catch (OperationCanceledException)
        {
            LogFlushTimedOut(logger);
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Shutdown: forward queue flushed")]
    private static partial void LogFlushed(ILogger logger);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Shutdown: origin did not take the queue in time; the rest stays on disk for the next start")]
    private static partial void LogFlushTimedOut(ILogger logger);
}
