using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Runtime;

public sealed class RoundTripTests
{
    private const string Event = """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""";

    [Fact]
    public async Task Decision_with_cached_config_recorded_before_answering_takes_two_sequential_store_rounds()
    {
        using var harness = new ApiHarness();
        await SetUpWindowAsync(harness);
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        await harness.DrainAsync();
        harness.Store.Reset();
        var (status, body, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        Assert.Equal(200, status);
        Assert.Equal("allow", body.GetProperty("action").GetString());
        // 1: the entity key's counter update, with the rate-limit count and the config version check beside it;
        // 2: records and results.
        Assert.Equal(2, harness.Store.Rounds);
    }

    [Fact]
    public async Task Idempotency_claim_adds_one_round_before_counting_and_the_answer_none()
    {
        using var harness = new ApiHarness();
        await SetUpWindowAsync(harness);
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        await harness.DrainAsync();
        harness.Store.Reset();
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", """{"idempotency_key":"r-1","request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""");

        // 1: the claim, with the rate-limit count and the config version check; 2: the counter update (which must
        // not run before the claim is won, or a duplicate would count); 3: records, results and the stored answer.
        Assert.Equal(3, harness.Store.Rounds);
    }

    [Fact]
    public async Task With_a_config_check_interval_and_no_rate_limit_the_state_update_is_the_only_read_round()
    {
        using var harness = new ApiHarness(o =>
        {
            o.RateLimitPerMinute = 0;
            o.ConfigCheckInterval = TimeSpan.FromSeconds(5);
        });
        await SetUpWindowAsync(harness);
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        await harness.DrainAsync();
        harness.Store.Reset();
        await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        // 1: the entity key's counter update (increments and reads back in one call); 2: the records.
        Assert.Equal(2, harness.Store.Rounds);
    }

    private static async Task SetUpWindowAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"b","name":"Block","mode":"block","duration_seconds":60}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"w","name":"Window","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"b"}]}""")).Status);
    }
}
