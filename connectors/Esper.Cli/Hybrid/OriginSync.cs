using System.Text.Json.Nodes;
using Esper.Cli.Infrastructure;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;
using Microsoft.Extensions.Logging;

namespace Esper.Cli.Hybrid;

/// <summary>
/// One round with origin: conditional GET of the config (applied and cached when it changed), the active-mitigations
/// feed (each penalty set on the entity key's local state), then the forward queue. Any step failing leaves the
/// daemon deciding on the last good config; the next round tries again.
/// </summary>
internal sealed partial class OriginSync(
    OriginClient origin,
    ConfigCache cache,
    ConfigApplier applier,
    EntityStateRepository entities,
    ForwardQueue queue,
    HybridStats stats,
    RuntimeSettings settings,
    DaemonTenant tenant,
    HybridKeyIndex hybridKeys,
    TimeProvider time,
    ILogger<OriginSync> logger)
{
    // Feed items are written just after their decision; re-reading the last minute catches one written late.
    private static readonly TimeSpan FeedOverlap = TimeSpan.FromMinutes(1);
    private string? _feedCursor;

    /// <summary>Loads the cached config into the store (the last good config) when origin has not answered yet.</summary>
    public async Task<bool> LoadCachedAsync(CancellationToken cancellationToken)
    {
        if (cache.LoadSnapshot() is not { } snapshot)
        {
            return false;
        }

        await applier.ApplyAsync(tenant.Id, snapshot, cancellationToken).ConfigureAwait(false);
        stats.ConfigVersion = snapshot["version"]?.GetValue<string>();
        LogConfigLoaded(logger, stats.ConfigVersion, "the cache");
        return true;
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SyncConfigAsync(cancellationToken).ConfigureAwait(false);
            await ApplyMitigationsAsync(cancellationToken).ConfigureAwait(false);
            stats.OriginReachable = true;
            stats.LastSyncAt = time.GetUtcNow();
            stats.Synced(ok: true);
        }
        catch (Exception ex) when (ex is CliException or HttpRequestException or System.Text.Json.JsonException)
        {
            stats.OriginReachable = false;
            stats.Synced(ok: false);
            LogSyncFailed(logger, ex.Message);
        }

        await ForwardAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ForwardAsync(CancellationToken cancellationToken)
    {
        var sent = await queue.FlushAsync(origin.PostBeaconAsync, settings.ForwardBatchSize, cancellationToken).ConfigureAwait(false);
        if (sent > 0)
        {
            stats.AddForwarded(sent);
            LogForwarded(logger, sent);
        }
    }

    private async Task SyncConfigAsync(CancellationToken cancellationToken)
    {
        var (snapshot, etag) = await origin.GetConfigAsync(stats.ConfigVersion is null ? null : cache.ETagFor(ConfigCache.Kinds), cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return;
        }

        cache.Store(snapshot, etag, ConfigCache.Kinds);
        await applier.ApplyAsync(tenant.Id, snapshot, cancellationToken).ConfigureAwait(false);
        stats.ConfigVersion = snapshot["version"]?.GetValue<string>();
        LogConfigLoaded(logger, stats.ConfigVersion, "origin");
    }

    private async Task ApplyMitigationsAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        var since = _feedCursor;
        while (true)
        {
            var page = await origin.GetActiveMitigationsAsync(since, cancellationToken).ConfigureAwait(false);
            foreach (var item in page["items"]?.AsArray() ?? [])
            {
                var counters = item!["counters"]!.AsObject().ToDictionary(static c => c.Key, static c => c.Value!.GetValue<long>(), StringComparer.Ordinal);
                await entities.UpdateAsync(tenant.Id, item["entity_key"]!.GetValue<string>(), new CounterUpdate { Set = counters }, cancellationToken).ConfigureAwait(false);
                if (item["hybrid_key"]?.GetValue<string>() is { } hybridKey && item["expires_at"] is { } expires)
                {
                    hybridKeys.Set(hybridKey, item["mode"]?.GetValue<string>() ?? "block", expires.GetValue<DateTimeOffset>());
                }

                applied++;
            }

            since = page["next_cursor"]?.GetValue<string>();
            if (page["has_more"]?.GetValue<bool>() != true)
            {
                break;
            }
        }

        if (since is not null)
        {
            // The cursor's sort key starts with 13 digits of milliseconds: step back by the overlap.
            var millis = long.Parse(since.AsSpan(0, 13), System.Globalization.CultureInfo.InvariantCulture) - (long)FeedOverlap.TotalMilliseconds;
            _feedCursor = Math.Max(0, millis).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (applied > 0)
        {
            stats.AddMitigationsApplied(applied);
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Config version {Version} loaded from {Source}")]
    private static partial void LogConfigLoaded(ILogger logger, string? version, string source);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Sync with origin failed; deciding on the last good config: {Reason}")]
    private static partial void LogSyncFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Forwarded {Count} events to origin")]
    private static partial void LogForwarded(ILogger logger, int count);
}
