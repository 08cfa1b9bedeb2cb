using System.Collections.Concurrent;
using Esper.Core.Engine;
using Esper.Storage.Faults;
using Esper.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace Esper.Api.Runtime;

/// <summary>
/// Writes the records of journaled decisions whose process died between answering and recording. There is no
/// scheduler in a serverless host, so traffic drives it: each process sweeps a tenant's journal when it first serves
/// the tenant and then at most every <see cref="EsperApiOptions.JournalSweepInterval"/>, in the background, taking
/// only entries older than <see cref="EsperApiOptions.JournalGrace"/> (a live process writes its records within
/// milliseconds of answering). A results read sweeps too, so operators see recovered decisions. A sweep reads the
/// journal as a time range from the tenant's watermark (where the last sweep stopped) and the tenant's decision
/// records over the same range, recovers the entries without a record, and moves the watermark: entries left to
/// expire (DynamoDB) are read about once, not on every sweep.
/// </summary>
internal sealed partial class JournalRecovery(
    DecisionJournalRepository journal,
    DecisionRepository decisions,
    PolicySetCache cache,
    DecisionRunner runner,
    PendingRecordings pending,
    StoreFaults faults,
    EsperApiOptions options,
    TimeProvider time,
    ILogger<JournalRecovery> logger)
{
    /// <summary>Entries read per query round.</summary>
    private const int ChunkSize = 500;

    /// <summary>Most entries one sweep reads; a sweep that stops short makes the next one due at once.</summary>
    private const int MaxEntriesPerSweep = 5_000;

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
    /// Recovers the tenant's orphaned journal entries from the watermark up to the grace period, oldest first (at
    /// most <see cref="MaxEntriesPerSweep"/> entries read; the next sweep goes on from there); returns how many
    /// decisions it recorded. An entry whose recovery meets a store outage holds the watermark, so the next sweep
    /// tries it again; one that fails otherwise (a defect, which would fail again) is logged and passed.
    /// </summary>
    public async Task<int> SweepAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var end = now - options.JournalGrace;
        var watermark = await journal.WatermarkAsync(tenantId, cancellationToken).ConfigureAwait(false);

        // Without a watermark (the first sweep of a tenant), from the oldest time an entry can still be live.
        var cursor = DecisionCursor.At(watermark is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : now - options.DecisionRetention);
        var recovered = 0;
        var read = 0;
        var done = cursor.NextMs >= end.ToUnixTimeMilliseconds();
        PolicySet? set = null;
        while (!done && read < MaxEntriesPerSweep)
        {
            var (entries, next, last) = await journal.ReadAsync(tenantId, cursor, end, ChunkSize, cancellationToken).ConfigureAwait(false);
            if (entries.Count > 0)
            {
                var recorded = await decisions.RecordedIdsAsync(tenantId, cursor.NextMs, next.NextMs, cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    if (recorded.Contains(entry.DecisionId))
                    {
                        // The records were written; on a store that deletes done entries, only deleting this one failed.
                        await journal.CompleteAsync(tenantId, entry.DecidedAt, entry.DecisionId, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    try
                    {
                        set ??= await cache.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
                        await runner.RecoverAsync(tenantId, set, entry, cancellationToken).ConfigureAwait(false);
                        LogRecovered(logger, entry.DecisionId, tenantId, entry.DecidedAt);
                        recovered++;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException && faults.IsOutage(ex))
                    {
                        // Stop here: the watermark stays at this entry and the next sweep tries it again.
                        LogEntryFailed(logger, ex, entry.DecisionId, tenantId);
                        await MoveWatermarkAsync(tenantId, watermark, entry.DecidedAt.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
                        return recovered;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogEntryFailed(logger, ex, entry.DecisionId, tenantId);
                    }
                }
            }

            read += entries.Count;
            (cursor, done) = (next, last);
        }

        await MoveWatermarkAsync(tenantId, watermark, cursor.NextMs, cancellationToken).ConfigureAwait(false);
        if (!done)
        {
            // More entries than one sweep reads: the next request of the tenant starts the next sweep.
            _nextSweep[tenantId] = now;
        }

        return recovered;
    }

    private async ValueTask MoveWatermarkAsync(string tenantId, long? watermark, long ms, CancellationToken cancellationToken)
    {
        if (watermark is null || ms > watermark)
        {
            await journal.SetWatermarkAsync(tenantId, ms, cancellationToken).ConfigureAwait(false);
        }
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
