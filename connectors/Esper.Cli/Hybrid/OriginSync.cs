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
    MitigationFeed feed,
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
        var items = await feed.ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            var counters = item["counters"]!.AsObject().ToDictionary(static c => c.Key, static c => c.Value!.GetValue<long>(), StringComparer.Ordinal);
            await entities.UpdateAsync(tenant.Id, item["entity_key"]!.GetValue<string>(), new CounterUpdate { Set = counters }, cancellationToken).ConfigureAwait(false);
            hybridKeys.Set(item);
        }

        if (items.Count > 0)
        {
            stats.AddMitigationsApplied(items.Count);
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Config version {Version} loaded from {Source}")]
    private static partial void LogConfigLoaded(ILogger logger, string? version, string source);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Sync with origin failed; deciding on the last good config: {Reason}")]
    private static partial void LogSyncFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Forwarded {Count} events to origin")]
    private static partial void LogForwarded(ILogger logger, int count);
}
