using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Runtime;

/// <summary><see cref="EsperApiOptions.RecordDecisions"/>: off, a decision keeps its entity state and writes nothing else.</summary>
public sealed class RecordDecisionsTests
{
    private const string Event = """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""";

    [Fact]
    public async Task Without_records_a_decision_writes_only_entity_state()
    {
        using var harness = new ApiHarness(static o => { o.RateLimitPerMinute = 0; o.RecordDecisions = false; });
        await SetUpWindowAsync(harness);

        // Another client reaches the block first: the tenant's hybrid-key secret is created once (put-if-absent), not per decision.
        for (var i = 0; i < 6; i++)
        {
            await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event.Replace("203.0.113.10", "203.0.113.99", StringComparison.Ordinal));
        }

        await harness.DrainAsync();
        harness.Store.Reset();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(200, (await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event)).Status);
        }

        await harness.DrainAsync();
        var written = harness.Store.WrittenPartitions.Distinct().ToList();
        Assert.NotEmpty(written);
        Assert.All(written, static partition => Assert.Contains("#entity#", partition, StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_a_decision_writes_its_record_results_and_feed_item()
    {
        using var harness = new ApiHarness(static o => o.RateLimitPerMinute = 0);
        await SetUpWindowAsync(harness);

        harness.Store.Reset();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(200, (await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event)).Status);
        }

        await harness.DrainAsync();
        var written = harness.Store.WrittenPartitions.ToHashSet();
        Assert.Contains("default#decisions", written);
        Assert.Contains("default#active-mitigations", written);
        Assert.Contains(written, static p => p.StartsWith("default#results#w#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_records_the_window_blocks_and_the_penalty_outlives_the_window()
    {
        using var harness = new ApiHarness(static o => { o.RateLimitPerMinute = 0; o.RecordDecisions = false; });
        await SetUpWindowAsync(harness);

        var actions = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            actions.Add((await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event)).Body.GetProperty("action").GetString());
        }

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block"], actions);

        // The window (60 s) is over; only the penalty (300 s), written without any record, still blocks.
        harness.Time.Advance(TimeSpan.FromSeconds(120));
        var later = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);
        Assert.Equal("block", later.Body.GetProperty("action").GetString());
        Assert.Equal(404, (await harness.SendAsync("GET", "/api/v1/decisions/" + later.Body.GetProperty("decision_id").GetString())).Status);
    }

    private static async Task SetUpWindowAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"b","name":"Block","mode":"block","duration_seconds":300}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"w","name":"Window","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"b"}]}""")).Status);
    }
}
