using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Hybrid;

public sealed class ActiveMitigationFeedTests
{
    [Fact]
    public async Task Block_answers_an_opaque_hybrid_key_that_the_feed_lists_with_the_penalty()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);
        using var runtime = host.Client(await HybridConfigTests.RuntimeKeyAsync(admin));

        ApiResult last = default!;
        for (var i = 0; i < 6; i++)
        {
            last = await runtime.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        }

        var feed = await runtime.GetAsync("/api/v1/hybrid/mitigations");
        var item = feed.Body.GetProperty("items")[0];

        Assert.Equal("block", last.Str("action"));
        var hybridKey = last.Str("hybrid_key");
        Assert.StartsWith("hk_", hybridKey, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.10", hybridKey, StringComparison.Ordinal);
        Assert.Equal(1, feed.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(hybridKey, item.GetProperty("hybrid_key").GetString());
        Assert.Equal("block-5m", item.GetProperty("mitigation_id").GetString());
        Assert.Equal("burst", item.GetProperty("policy_id").GetString());
        Assert.Equal("block", item.GetProperty("mode").GetString());
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(5), item.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal(last.Body.GetProperty("entities").GetProperty("ip-user-agent").GetString(), item.GetProperty("entity_key").GetString());
    }

    [Fact]
    public async Task Allowed_decisions_carry_no_hybrid_key_and_leave_the_feed_empty()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);

        var allowed = await admin.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        var feed = await admin.GetAsync("/api/v1/hybrid/mitigations");

        Assert.Equal("allow", allowed.Str("action"));
        Assert.False(allowed.Body.TryGetProperty("hybrid_key", out _));
        Assert.Equal(0, feed.Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Feed_pages_with_a_cursor_and_since_skips_what_was_read()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);
        var entityKeys = new List<string>();
        foreach (var ip in (string[])["198.51.100.1", "198.51.100.2"])
        {
            for (var i = 0; i < 6; i++)
            {
                var decision = await admin.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip));
                if (i == 0)
                {
                    entityKeys.Add(decision.Body.GetProperty("entities").GetProperty("ip-user-agent").GetString()!);
                }
            }

            host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await admin.GetAsync("/api/v1/hybrid/mitigations?limit=1");
        var second = await admin.GetAsync($"/api/v1/hybrid/mitigations?limit=1&since={Uri.EscapeDataString(first.Str("next_cursor"))}");
        var third = await admin.GetAsync($"/api/v1/hybrid/mitigations?since={Uri.EscapeDataString(second.Str("next_cursor"))}");

        Assert.True(first.Body.GetProperty("has_more").GetBoolean());
        Assert.Equal(entityKeys[0], first.Body.GetProperty("items")[0].GetProperty("entity_key").GetString());
        Assert.False(second.Body.GetProperty("has_more").GetBoolean());
        Assert.Equal(entityKeys[1], second.Body.GetProperty("items")[0].GetProperty("entity_key").GetString());
        Assert.Equal(0, third.Body.GetProperty("items").GetArrayLength());
        Assert.NotEqual(first.Body.GetProperty("items")[0].GetProperty("hybrid_key").GetString(), second.Body.GetProperty("items")[0].GetProperty("hybrid_key").GetString());
    }

    [Fact]
    public async Task Expired_penalties_leave_the_feed()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        await Scenario.CreateBlockWindowAsync(admin);
        for (var i = 0; i < 6; i++)
        {
            await admin.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        }

        var before = await admin.GetAsync("/api/v1/hybrid/mitigations");
        host.Time.Advance(TimeSpan.FromMinutes(6));
        var after = await admin.GetAsync("/api/v1/hybrid/mitigations");

        Assert.Equal(1, before.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(0, after.Body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Limit_outside_one_to_five_hundred_is_refused()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();

        var answer = await admin.GetAsync("/api/v1/hybrid/mitigations?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("limit", answer.Str("field"));
    }
}
