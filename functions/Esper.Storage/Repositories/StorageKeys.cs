using System.Security.Cryptography;
using System.Text;
using Esper.Storage.KeyValue;

namespace Esper.Storage.Repositories;

/// <summary>
/// The item layout of every domain item. The tenant id leads every partition key, so a query for one tenant can
/// never reach another tenant's items. Free-form values (entity keys, idempotency keys) are hashed into keys so
/// keys stay short ASCII whatever the caller sent.
/// </summary>
public static class StorageKeys
{
    /// <summary>The tenant document.</summary>
    public static ItemKey Tenant(string tenantId) => new($"{tenantId}#tenant", "meta");

    /// <summary>The partition holding a tenant's memberships, one item per user id.</summary>
    public static string MembershipPartition(string tenantId) => $"{tenantId}#members";

    /// <summary>The partition holding a tenant's config documents and its config version counter.</summary>
    public static string ConfigPartition(string tenantId) => $"{tenantId}#config";

    /// <summary>One config document (<paramref name="kind"/> is <c>action</c>, <c>entity</c>, <c>mitigation</c> or <c>policy</c>).</summary>
    public static ItemKey Config(string tenantId, string kind, string id) => new(ConfigPartition(tenantId), $"{kind}#{id}");

    /// <summary>The counter item whose <c>v</c> counter is bumped on every config write.</summary>
    public static ItemKey ConfigVersion(string tenantId) => new(ConfigPartition(tenantId), "version");

    /// <summary>The partition holding a tenant's API key records and hash look-up items.</summary>
    public static string ApiKeyPartition(string tenantId) => $"{tenantId}#apikeys";

    /// <summary>One API key record (never the secret).</summary>
    public static ItemKey ApiKey(string tenantId, string keyId) => new(ApiKeyPartition(tenantId), $"key#{keyId}");

    /// <summary>The look-up item from a secret's SHA-256 hash to its key.</summary>
    public static ItemKey ApiKeyHash(string tenantId, string secretHash) => new(ApiKeyPartition(tenantId), $"hash#{secretHash}");

    /// <summary>The idempotency item of one caller-supplied key; <paramref name="kind"/> separates runtime from beacon.</summary>
    public static ItemKey Idempotency(string tenantId, string kind, string idempotencyKey) =>
        new($"{tenantId}#idem#{Hash(idempotencyKey)}", kind);

    /// <summary>The counter item holding one entity key's window counters and active penalties.</summary>
    public static ItemKey EntityState(string tenantId, string entityKey) => new($"{tenantId}#entity#{Hash(entityKey)}", "state");

    /// <summary>
    /// One shard of a policy's results counters. Each shard is a partition of its own, so one policy's firings spread
    /// over as many partitions (DynamoDB partitions, Azure Tables partition servers) as there are shards.
    /// </summary>
    public static ItemKey ResultsShard(string tenantId, string policyId, int shard) => new($"{tenantId}#results#{policyId}#{shard}", "shard");

    /// <summary>One hour of a results shard's per-minute counters (<c>m{minute}_{outcome}</c>), beside the shard's totals.</summary>
    public static ItemKey ResultsHour(string tenantId, string policyId, int shard, long hour) => new($"{tenantId}#results#{policyId}#{shard}", $"h#{hour}");

    /// <summary>One hour of a traffic shard's per-minute counters of final actions (<c>m{minute}_{action}</c>), every decision counted.</summary>
    public static ItemKey TrafficHour(string tenantId, int shard, long hour) => new($"{tenantId}#traffic#{shard}", $"h#{hour}");

    /// <summary>The partition of a tenant's decision records.</summary>
    public static string DecisionPartition(string tenantId) => $"{tenantId}#decisions";

    /// <summary>
    /// The item holding one decision's detail, addressed by its id: as it is when it has the time-ordered shape of
    /// <see cref="DecisionIds"/> (so details are written in time order), hashed otherwise (older ids, and any caller text
    /// a look-up brings).
    /// </summary>
    public static ItemKey DecisionById(string tenantId, string decisionId) =>
        new(DecisionIds.IsTimeOrdered(decisionId) ? $"{tenantId}#decision#{decisionId}" : $"{tenantId}#decision#{Hash(decisionId)}", "detail");

    /// <summary>The partition of one policy's recent decisions.</summary>
    public static string PolicyDecisionPartition(string tenantId, string policyId) => $"{tenantId}#policy-decisions#{policyId}";

    /// <summary>The partition of a tenant's decision journal (decisions answered before their records were written).</summary>
    public static string JournalPartition(string tenantId) => $"{tenantId}#journal";

    /// <summary>The partition of a tenant's audit entries.</summary>
    public static string AuditPartition(string tenantId) => $"{tenantId}#audit";

    /// <summary>The partition of a tenant's active-mitigation feed (one item per penalty set, expiring with it).</summary>
    public static string ActiveMitigationPartition(string tenantId) => $"{tenantId}#active-mitigations";

    /// <summary>The tenant's secret for hybrid keys (HMAC of entity keys).</summary>
    public static ItemKey HybridSecret(string tenantId) => new($"{tenantId}#tenant", "hybrid-secret");

    /// <summary>The partition of a tenant's replay jobs; sort keys are job ids, which order by creation time.</summary>
    public static string ReplayJobPartition(string tenantId) => $"{tenantId}#replay-jobs";

    /// <summary>One replay job's document.</summary>
    public static ItemKey ReplayJob(string tenantId, string jobId) => new(ReplayJobPartition(tenantId), jobId);

    /// <summary>
    /// The partition of one replay job's own window state: one document per entity key. A replay never reads or writes
    /// the live entity items, results counters or decision records.
    /// </summary>
    public static string ReplayStatePartition(string tenantId, string jobId) => $"{tenantId}#replay#{jobId}";

    /// <summary>The counter item of one API key's requests in one minute.</summary>
    public static ItemKey RateWindow(string tenantId, string keyId, long minute) => new($"{tenantId}#rate#{keyId}", $"m#{minute}");

    /// <summary>A sort key that orders by time (fixed-width milliseconds) and stays unique through <paramref name="id"/>.</summary>
    public static string TimeSortKey(DateTimeOffset at, string id) => $"{at.ToUnixTimeMilliseconds():D13}#{id}";

    /// <summary>The id part of a sort key made by <see cref="TimeSortKey"/>.</summary>
    public static string TimeSortKeyId(string sortKey) => sortKey[(sortKey.IndexOf('#', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// The counter item holding how far the tenant's journal has been swept (<c>ms</c>: every entry of a decision made
    /// before that unix millisecond is recorded or recovered).
    /// </summary>
    public static ItemKey JournalWatermark(string tenantId) => new(JournalPartition(tenantId), "watermark");

    /// <summary>Lower-case hex SHA-256 of a text (UTF-8).</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
