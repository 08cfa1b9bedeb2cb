using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Runtime;

/// <summary>
/// The items one recorded decision writes, counted at the store: every put, delete, counter update and batch item.
/// Each item is a statement in the embedded store's checkpoint and a billed write on the cloud stores, so the count
/// is pinned: it must not rise unnoticed.
/// </summary>
public sealed class ItemsPerDecisionTests
{
    private const string Keyed = """{"idempotency_key":"KEY","request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{"authorization":"Bearer x"}}}""";

    [Fact]
    public async Task A_keyed_decision_matched_by_two_policies_writes_twelve_items_and_no_detail_item()
    {
        using var harness = new ApiHarness();
        await SetUpAsync(harness);
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Keyed.Replace("KEY", "warm", StringComparison.Ordinal));
        await harness.DrainAsync();

        harness.Store.Reset();
        var (status, body, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Keyed.Replace("KEY", "k-1", StringComparison.Ordinal));
        await harness.DrainAsync();

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("matches").GetArrayLength());
        // The tenant record (which the look-up by id reads), one copy per matched policy, the entity's counters, the
        // claim and the answer (this store holds no claims in memory), the rate-limit window, each fired policy's
        // results shard and hour, and the traffic hour. Before records carried their matches, a detail item made 13.
        Assert.Equal(
            "decisions entity idem idem policy-decisions policy-decisions rate results results results results traffic",
            string.Join(' ', harness.Store.WrittenPartitions.Select(Kind).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_decision_without_a_key_or_a_match_writes_four_items()
    {
        using var harness = new ApiHarness();
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"b","name":"Block","mode":"block","duration_seconds":60}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"w","name":"Window","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"b"}]}""")).Status);
        const string plain = """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""";
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", plain);
        await harness.DrainAsync();

        harness.Store.Reset();
        Assert.Equal(200, (await harness.SendAsync("POST", "/api/v1/runtime/mitigation", plain)).Status);
        await harness.DrainAsync();

        // Before records carried their matches, a detail item made 5.
        Assert.Equal(
            "decisions entity rate traffic",
            string.Join(' ', harness.Store.WrittenPartitions.Select(Kind).Order(StringComparer.Ordinal)));
    }

    /// <summary>What a partition holds, without the tenant id and the hashed or per-item parts.</summary>
    private static string Kind(string partitionKey) => partitionKey.Split('#')[1];

    private static async Task SetUpAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"b","name":"Block","mode":"block","duration_seconds":60}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"o","name":"Watch","mode":"monitor"}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"w","name":"Window","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":1},"mitigation_id":"o"}]}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"l","name":"Logins","clauses":[{"mitigation_id":"o"}]}""")).Status);
    }
}
