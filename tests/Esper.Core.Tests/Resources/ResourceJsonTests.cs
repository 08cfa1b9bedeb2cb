using System.Text.Json;
using Esper.Core.Resources;

namespace Esper.Core.Tests.Resources;

public sealed class ResourceJsonTests
{
    [Fact]
    public void Policy_reads_snake_case_with_text_and_tree_expressions()
    {
        const string json = """
            {
              "id": "login-abuse",
              "name": "Login abuse",
              "status": "dry_run",
              "scope": "request.path == \"/login\"",
              "clauses": [
                {
                  "name": "too many posts",
                  "match": { "field": "request.method", "op": "eq", "value": "POST" },
                  "action_ids": ["login"],
                  "entity_id": "ip-user-agent",
                  "window": { "seconds": 60, "threshold": 5 },
                  "mitigation_id": "block-10m"
                }
              ]
            }
            """;

        var policy = JsonSerializer.Deserialize(json, CoreJsonContext.Default.PolicyDefinition)!;

        Assert.Equal("login-abuse", policy.Id);
        Assert.Equal(PolicyStatuses.DryRun, policy.Status);
        Assert.Equal(JsonValueKind.String, policy.Scope!.Value.ValueKind);
        var clause = Assert.Single(policy.Clauses);
        Assert.Equal(JsonValueKind.Object, clause.Match!.Value.ValueKind);
        Assert.Equal("POST", clause.Match.Value.GetProperty("value").GetString());
        Assert.Equal(["login"], clause.ActionIds);
        Assert.Equal("ip-user-agent", clause.EntityId);
        Assert.Equal(60, clause.Window!.Seconds);
        Assert.Equal(5, clause.Window.Threshold);
        Assert.Equal("block-10m", clause.MitigationId);
    }

    [Fact]
    public void Mitigation_writes_snake_case_and_omits_absent_options()
    {
        var mitigation = new MitigationDefinition
        {
            Id = "challenge-pow",
            Name = "Challenge",
            Mode = MitigationModes.Challenge,
            DurationSeconds = 600,
            Challenge = new ChallengeOptions { Provider = ChallengeProviders.Turnstile, ReturnUrlTemplate = "/after" },
        };

        var json = JsonSerializer.Serialize(mitigation, CoreJsonContext.Default.MitigationDefinition);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(600, root.GetProperty("duration_seconds").GetInt64());
        Assert.Equal("turnstile", root.GetProperty("challenge").GetProperty("provider").GetString());
        Assert.Equal("/after", root.GetProperty("challenge").GetProperty("return_url_template").GetString());
        Assert.False(root.TryGetProperty("block", out _));
        Assert.False(root.TryGetProperty("description", out _));
    }

    [Fact]
    public void Entity_round_trips_with_its_expression_unchanged()
    {
        var entity = BundledEntities.BotCrawlers;

        var json = JsonSerializer.Serialize(entity, CoreJsonContext.Default.EntityDefinition);
        var back = JsonSerializer.Deserialize(json, CoreJsonContext.Default.EntityDefinition)!;

        Assert.Contains("\"key_fields\":[\"user_agent\"]", json, StringComparison.Ordinal);
        Assert.Equal(BundledEntities.CrawlerMatchText, back.MatchExpression!.Value.GetString());
        Assert.Equal(BundledEntities.BotCrawlersId, back.Id);
    }

    [Fact]
    public void Action_defaults_to_enabled_when_the_field_is_absent()
    {
        var action = JsonSerializer.Deserialize("""{"id":"login","name":"Login","expression":"true"}""", CoreJsonContext.Default.ActionDefinition)!;

        Assert.True(action.Enabled);
        Assert.Equal("true", action.Expression!.Value.GetString());
    }

    [Fact]
    public void Tenant_config_round_trips_so_a_compiled_set_can_be_rebuilt_from_a_cached_copy()
    {
        var config = new Esper.Core.Engine.TenantConfig
        {
            Version = "v7",
            Actions = [new ActionDefinition { Id = "login", Name = "Login", Expression = TestExpressions.Text("request.path == \"/login\"") }],
            Mitigations = [new MitigationDefinition { Id = "block", Name = "Block", Mode = MitigationModes.Block, DurationSeconds = 60 }],
            Policies = [PolicyPresets.Monitor("observe", "Observe")],
        };

        var json = JsonSerializer.Serialize(config, CoreJsonContext.Default.TenantConfig);
        var back = JsonSerializer.Deserialize(json, CoreJsonContext.Default.TenantConfig)!;

        Assert.Equal("v7", back.Version);
        Assert.Equal("login", Assert.Single(back.Actions).Id);
        Assert.Equal(60, Assert.Single(back.Mitigations).DurationSeconds);
        Assert.Equal(BuiltInMitigations.MonitorId, Assert.Single(Assert.Single(back.Policies).Clauses).MitigationId);
        Assert.Empty(Esper.Core.Engine.PolicySet.Compile(back).Problems);
    }
}
