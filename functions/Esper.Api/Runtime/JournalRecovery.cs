using System.Collections.Concurrent;
using Esper.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Runtime;

/// <summary>
/// Writes the records of journaled decisions whose process died between answering and recording. There is no
/// scheduler in a serverless host, so traffic drives it: each process sweeps a tenant's journal when it first serves
/// the tenant and then at most every <see cref="EsperApiOptions.JournalSweepInterval"/>, in the background, taking
/// only entries older than <see cref="EsperApiOptions.JournalGrace"/> (a live process writes its records within
/// milliseconds of answering). A results read sweeps too, so operators see recovered decisions.
/// </summary>
internal sealed partial class JournalRecovery(
    DecisionJournalRepository journal,
    DecisionRepository decisions,
    PolicySetCache cache,
    DecisionRunner runner,
    PendingRecordings pending,
    EsperApiOptions options,
    TimeProvider time,
    ILogger<JournalRecovery> logger)
{
    private const int BatchSize = 100;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextSweep = new(StringComparer.Ordinal);

    /// <summary>Starts a background sweep of the tenant's journal when one is due; returns at once.</summary>
    public void Touch(string tenantId)
    {
        var now = time.GetUtcNow();
        var next = now + options.JournalSweepInterval;
        if (_nextSweep.TryGetValue(tenantId, out var due))
        {
            if (now < due || !_nextSweep.TryUpdate(tenantId, next, due))
            {
                return;
            }
        }
        else if (!_nextSweep.TryAdd(tenantId, next))
        {
            return;
        }

        pending.Track(tenantId, SweepQuietlyAsync(tenantId), []);
    }

    /// <summary>
    /// Recovers up to one batch of the tenant's orphaned journal entries, oldest first (the next sweep takes the
    /// next batch); returns how many decisions it recorded. An entry that cannot be recovered is logged and left to
    /// expire with the decision records' retention.
    /// </summary>
    public async Task<int> SweepAsync(string tenantId, CancellationToken cancellationToken)
    {
        var entries = await journal.OlderThanAsync(tenantId, time.GetUtcNow() - options.JournalGrace, BatchSize, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return 0;
        }

        var recovered = 0;
        var set = await cache.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            try
            {
                if (await decisions.ExistsAsync(tenantId, entry.DecidedAt, entry.DecisionId, cancellationToken).ConfigureAwait(false))
                {
                    // The records were written; only deleting the entry failed.
                    await journal.RemoveAsync(tenantId, entry.DecidedAt, entry.DecisionId, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await runner.RecoverAsync(tenantId, set, entry, cancellationToken).ConfigureAwait(false);
                LogRecovered(logger, entry.DecisionId, tenantId, entry.DecidedAt);
                recovered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEntryFailed(logger, ex, entry.DecisionId, tenantId);
            }
        }

        return recovered;
    }

    private async Task SweepQuietlyAsync(string tenantId)
    {
        try
        {
            await SweepAsync(tenantId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The entries stay; the next sweep tries again.
            LogSweepFailed(logger, ex, tenantId);
        }
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Recovered decision {DecisionId} (tenant {TenantId}, decided at {DecidedAt}) from the journal: its process did not write its records")]
    private static partial void LogRecovered(ILogger logger, string decisionId, string tenantId, DateTimeOffset decidedAt);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "Recovering decision {DecisionId} (tenant {TenantId}) from the journal failed")]
    private static partial void LogEntryFailed(ILogger logger, Exception exception, string decisionId, string tenantId);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Sweeping the decision journal of tenant {TenantId} failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string tenantId);
}
