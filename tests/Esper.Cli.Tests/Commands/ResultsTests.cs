using System.Text.Json.Nodes;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class ResultsTests
{
    private static readonly JsonObject LoginBurst = JsonNode.Parse("""
        {"policy_id":"login-burst","name":"Login burst","total":7,"observe":1,"challenge":2,"block":4,"dry_run":0,
         "last_matched_at":"2026-12-07T10:15:00+00:00",
         "recent_decisions":[{"decision_id":"dec_1","decided_at":"2026-12-07T10:15:00+00:00","action":"block"}]}
        """)!.AsObject();

    [Fact]
    public async Task Results_policies_prints_one_row_per_policy_with_totals_per_outcome_and_last_match()
    {
        var api = new InMemoryEsperApi();
        api.Results.Add(LoginBurst);
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("results", "policies");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"POLICY\s+NAME\s+TOTAL\s+OBSERVE\s+CHALLENGE\s+BLOCK\s+DRY RUN\s+LAST MATCH", result.Output);
        Assert.Matches(@"login-burst\s+Login burst\s+7\s+1\s+2\s+4\s+0\s+2026-12-07T10:15:00", result.Output);
    }

    [Fact]
    public async Task Results_policies_as_json_is_the_array_esper_answered()
    {
        var api = new InMemoryEsperApi();
        api.Results.Add(LoginBurst);
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("--output", "json", "results", "policies");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(result.Json.AsArray())!;
        Assert.Equal(4, row["block"]!.GetValue<long>());
        Assert.Equal("2026-12-07T10:15:00+00:00", row["last_matched_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_policy_named_by_its_local_copy_shows_its_recent_decisions()
    {
        var api = new InMemoryEsperApi();
        api.Results.Add(LoginBurst);
        using var cli = await Workspaces.InitialisedAsync(api);
        cli.Write("../data/policies/my-burst.json", """{"id":"login-burst","name":"My burst"}""");

        var result = await cli.RunAsync("results", "policies", "--policy", "My burst");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("results login-burst", api.Calls);
        Assert.Contains("Recent decisions:", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"dec_1\s+block\s+2026-12-07T10:15:00", result.Output);
    }

    [Fact]
    public async Task Results_of_an_unknown_policy_exits_2_with_esper_s_answer()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("results", "policies", "--policy", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Esper answered 404: No policy 'nope'.", result.Error.Trim());
    }

    [Fact]
    public async Task Audit_asks_for_the_limit_and_prints_who_changed_what()
    {
        var api = new InMemoryEsperApi();
        api.AuditEntries.Add(JsonNode.Parse("""{"id":"aud_2","key_id":"key_admin","resource":"policy","resource_id":"login-burst","change":"update","at":"2026-12-07T10:00:00+00:00"}""")!.AsObject());
        api.AuditEntries.Add(JsonNode.Parse("""{"id":"aud_1","key_id":null,"resource":"policy","resource_id":"login-burst","change":"create","at":"2026-12-07T09:00:00+00:00"}""")!.AsObject());
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("audit", "--limit", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("audit 2", api.Calls);
        Assert.Matches(@"2026-12-07T10:00:00\S*\s+key_admin\s+policy\s+login-burst\s+update", result.Output);
        Assert.Matches(@"2026-12-07T09:00:00\S*\s+\(host\)\s+policy\s+login-burst\s+create", result.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task An_audit_limit_outside_1_to_1000_is_a_usage_error_and_nothing_is_asked(string limit)
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);

        var result = await cli.RunAsync("audit", "--limit", limit);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--limit must be between 1 and 1000", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("audit", StringComparison.Ordinal));
    }
}
