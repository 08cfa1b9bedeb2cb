using System.Text.Json;
using Esper.Core.Engine;
using Esper.Storage.KeyValue;
using Esper.Storage.Repositories;

namespace Esper.Api.Hybrid;

/// <summary>
/// The tenant's active-mitigations feed: every penalty a decision sets is also written as one item of the tenant's
/// feed partition, sorted by time and expiring with the penalty, so a hybrid daemon can read the penalties decided
/// anywhere and apply them locally. The cursor is the item's sort key (time first), so "since" is a range read.
/// </summary>
internal sealed class ActiveMitigationFeed(IKeyValueStore store, HybridKeys keys)
{
    /// <summary>Most items one page holds.</summary>
    public const int MaxPage = 500;

    /// <summary>Writes one feed item per penalty the decision sets.</summary>
    public async Task RecordAsync(string tenantId, string decisionId, Decision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<BatchItem>? items = null;
        var index = 0;
        foreach (var write in decision.StateWrites)
        {
            if (write.Set.Count == 0)
            {
                continue;
            }

            var match = decision.Matches.FirstOrDefault(m => !m.DryRun && m.EntityKey == write.EntityKey && m.PenaltyActive)
                ?? decision.Matches.FirstOrDefault(m => !m.DryRun && m.EntityKey == write.EntityKey);
            var expires = DateTimeOffset.FromUnixTimeSeconds(write.Set.Values.Max());
            var cursor = StorageKeys.TimeSortKey(now, $"{decisionId}-{index++}");
            var item = new ActiveMitigation(
                cursor,
                write.EntityKey,
                await keys.ForAsync(tenantId, write.EntityKey, cancellationToken).ConfigureAwait(false),
                match?.PolicyId,
                match?.MitigationId,
                match is null ? null : match.Mode.WireName(),
                expires,
                write.Set);
            (items ??= []).Add(new BatchItem(
                new ItemKey(StorageKeys.ActiveMitigationPartition(tenantId), cursor),
                JsonSerializer.Serialize(item, HybridJsonContext.Default.ActiveMitigation),
                expires));
        }

        if (items is not null)
        {
            await store.BatchPutAsync(items, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Active penalties after <paramref name="since"/> (exclusive; null: from the start), oldest first.</summary>
    public async ValueTask<ActiveMitigationPage> ReadAsync(string tenantId, string? since, int limit, CancellationToken cancellationToken)
    {
        var all = await store.QueryAsync(StorageKeys.ActiveMitigationPartition(tenantId), "", null, cancellationToken).ConfigureAwait(false);
        var after = since is null ? all : [.. all.Where(i => string.CompareOrdinal(i.Key.SortKey, since) > 0)];
        var page = after.Take(limit).Select(i => JsonSerializer.Deserialize(i.Document, HybridJsonContext.Default.ActiveMitigation)!).ToList();
        return new ActiveMitigationPage(page, page.Count > 0 ? page[^1].Cursor : since, after.Count > limit);
    }
}
