using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

public sealed class RuntimeDecisionTests
{
    [Fact]
    public async Task Window_blocks_on_the_sixth_request()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);

        for (var i = 1; i <= 5; i++)
        {
            var allowed = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
            Assert.Equal("allow", allowed.Str("action"));
        }

        var blocked = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.Equal("block", blocked.Str("action"));
        Assert.Equal("burst", blocked.Str("policy_id"));
        Assert.Equal("block-5m", blocked.Body.GetProperty("mitigation").GetProperty("id").GetString());
        Assert.Equal("block", blocked.Body.GetProperty("mitigation").GetProperty("mode").GetString());
        var match = Assert.Single(blocked.Body.GetProperty("matches").EnumerateArray());
        Assert.Equal(6, match.GetProperty("window_count").GetInt64());
        Assert.Equal(0, match.GetProperty("clause").GetInt32());
        Assert.False(match.GetProperty("dry_run").GetBoolean());
        Assert.StartsWith("dec_", blocked.Str("decision_id"), StringComparison.Ordinal);
        Assert.Equal("1", blocked.Str("encoding_version"));
        Assert.True(blocked.Body.GetProperty("entities").TryGetProperty("ip-user-agent", out _));

        var otherActor = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(ip: "198.51.100.7"));
        Assert.Equal("allow", otherActor.Str("action"));
    }

    [Fact]
    public async Task Block_applies_to_later_requests_until_penalty_expires()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        for (var i = 0; i < 6; i++)
        {
            await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        }

        host.Time.Advance(TimeSpan.FromSeconds(120));
        var stillBlocked = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.Equal("block", stillBlocked.Str("action"));
        Assert.True(Assert.Single(stillBlocked.Body.GetProperty("matches").EnumerateArray()).GetProperty("penalty_active").GetBoolean());

        host.Time.Advance(TimeSpan.FromSeconds(200));
        var released = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.Equal("allow", released.Str("action"));
    }

    [Fact]
    public async Task Dry_run_policy_reports_its_match_but_allows_and_counts_it()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("trial", "block-5m", status: "dry_run"));

        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal("allow", decision.Str("action"));
        var match = Assert.Single(decision.Body.GetProperty("matches").EnumerateArray());
        Assert.True(match.GetProperty("dry_run").GetBoolean());
        Assert.Equal("block", match.GetProperty("mode").GetString());
        var results = await client.GetAsync("/api/v1/results/policies/trial");
        Assert.Equal(1, results.Body.GetProperty("dry_run").GetInt64());
        Assert.Equal(1, results.Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Monitor_mitigation_allows_and_counts_as_observe()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal("allow", decision.Str("action"));
        Assert.Equal("observe", decision.Str("outcome"));
        var results = await client.GetAsync("/api/v1/results/policies");
        var watch = Assert.Single(results.Body.GetProperty("items").EnumerateArray());
        Assert.Equal(2, watch.GetProperty("observe").GetInt64());
        Assert.Equal(2, watch.GetProperty("total").GetInt64());
        Assert.Equal(0, watch.GetProperty("block").GetInt64());
        Assert.Equal(JsonValueKindString, watch.GetProperty("last_matched_at").ValueKind);
    }

    [Fact]
    public async Task Challenge_decision_names_its_mitigation_and_has_a_redirect_url_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", Scenario.ChallengeMitigation);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("check", "verify"));

        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal("challenge", decision.Str("action"));
        Assert.Equal("challenge", decision.Body.GetProperty("mitigation").GetProperty("mode").GetString());
        Assert.True(decision.Body.TryGetProperty("redirect_url", out var redirect));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, redirect.ValueKind);
        var results = await client.GetAsync("/api/v1/results/policies/check");
        Assert.Equal(1, results.Body.GetProperty("challenge").GetInt64());
        Assert.Equal(decision.Str("decision_id"), results.Body.GetProperty("recent_decisions")[0].GetProperty("decision_id").GetString());
    }

    [Fact]
    public async Task Bearer_authorization_is_accepted_like_the_key_header()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);
        var result = await client.SendAsync(HttpMethod.Post, "/api/v1/runtime/mitigation", Scenario.Event(),
            configure: r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EsperHost.AdminKey));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("allow", result.Str("action"));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_naming_the_body()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var result = await client.PostAsync("/api/v1/runtime/mitigation", """{"request": {"path": "/x",""");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.True(result.Body.TryGetProperty("field", out _));
    }

    [Fact]
    public async Task Wrong_field_type_is_a_problem_naming_that_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var result = await client.PostAsync("/api/v1/runtime/mitigation", """{"request":{"method":"GET","path":"/","headers":42}}""");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Contains("headers", result.Str("field"), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;
}
