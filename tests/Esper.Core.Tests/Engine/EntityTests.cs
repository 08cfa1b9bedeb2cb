using Esper.Core.Engine;
using Esper.Core.Fields;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class EntityTests
{
    private static readonly PolicySet Watching = Compile([Policy("p", null, Clause("watch", entityId: BundledEntities.IpUserAgentId))]);

    [Fact]
    public void Ip_user_agent_key_is_stable_store_safe_and_depends_on_both_fields()
    {
        var f = new EngineFixture();

        var a = f.Decide(Watching, Request(ip: "203.0.113.7", userAgent: "curl/8"));
        var again = f.Decide(Compile([Policy("q", null, Clause("watch"))]), Request(ip: "203.0.113.7", userAgent: "curl/8"));
        var otherIp = f.Decide(Watching, Request(ip: "203.0.113.8", userAgent: "curl/8"));
        var otherAgent = f.Decide(Watching, Request(ip: "203.0.113.7", userAgent: "curl/9"));

        var key = a.Entities[BundledEntities.IpUserAgentId];
        Assert.Matches("^ip-user-agent_[0-9a-f]{32}$", key);
        Assert.Equal(key, again.Entities[BundledEntities.IpUserAgentId]);
        Assert.NotEqual(key, otherIp.Entities[BundledEntities.IpUserAgentId]);
        Assert.NotEqual(key, otherAgent.Entities[BundledEntities.IpUserAgentId]);
    }

    [Theory]
    [InlineData(null, "curl/8")]
    [InlineData("203.0.113.7", null)]
    [InlineData("203.0.113.7", "")]
    public void Request_missing_a_key_field_has_no_key_and_bound_clauses_do_not_fire(string? ip, string? userAgent)
    {
        var decision = new EngineFixture().Decide(Watching, Request(ip: ip, userAgent: userAgent));

        Assert.False(decision.Entities.ContainsKey(BundledEntities.IpUserAgentId));
        Assert.Empty(decision.Matches);
        Assert.Equal(DecisionOutcome.Allow, decision.Outcome);
    }

    [Fact]
    public void Key_values_are_length_prefixed_so_shifting_text_between_fields_changes_the_key()
    {
        var f = new EngineFixture();

        var a = f.Decide(Watching, Request(ip: "1.2.3.4", userAgent: "5x"));
        var b = f.Decide(Watching, Request(ip: "1.2.3.45", userAgent: "x"));

        Assert.NotEqual(a.Entities[BundledEntities.IpUserAgentId], b.Entities[BundledEntities.IpUserAgentId]);
    }

    [Theory]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)")]
    [InlineData("Mozilla/5.0 (compatible; ClaudeBot/1.0; +claudebot@anthropic.com)")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15 (Applebot/0.1)")]
    [InlineData("meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (compatible; Cloudflare-AutoRAG/1.0)")]
    public void Bot_crawlers_entity_keys_known_crawlers_by_user_agent(string userAgent)
    {
        var set = Compile([Policy("bots", null, Clause("watch", entityId: BundledEntities.BotCrawlersId))]);

        var decision = new EngineFixture().Decide(set, Request(ip: null, userAgent: userAgent));

        Assert.StartsWith("bot-crawlers_", decision.Entities[BundledEntities.BotCrawlersId], StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Observe, decision.Outcome);
    }

    [Fact]
    public void Bot_crawlers_entity_has_no_key_for_ordinary_browsers()
    {
        var set = Compile([Policy("bots", null, Clause("block", entityId: BundledEntities.BotCrawlersId))]);

        var decision = new EngineFixture().Decide(set, Request(userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0"));

        Assert.False(decision.Entities.ContainsKey(BundledEntities.BotCrawlersId));
        Assert.Equal(DecisionAction.Allow, decision.Action);
    }

    [Fact]
    public void Bundled_entities_can_be_overridden_by_a_tenant_definition_with_the_same_id()
    {
        var disabled = BundledEntities.IpUserAgent;
        disabled.Enabled = false;
        var set = Compile([Policy("p", null, Clause("block", entityId: BundledEntities.IpUserAgentId))], entities: [disabled]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.False(decision.Entities.ContainsKey(BundledEntities.IpUserAgentId));
        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Entity_match_expression_and_action_binding_limit_which_requests_have_a_key()
    {
        var session = new EntityDefinition
        {
            Id = "session",
            Name = "session",
            KeyFields = ["request.cookies.sid"],
            MatchExpression = TestExpressions.Text("request.method == \"POST\""),
            ActionId = "checkout",
        };
        var set = Compile(
            [Policy("p", null, Clause("watch", entityId: "session"))],
            actions: [Action("checkout", "request.path == \"/checkout\"")],
            entities: [session]);
        var f = new EngineFixture();
        EncodedRequest With(string method, string path) => EncodedRequest.FromFields(new Dictionary<string, string>
        {
            ["request.method"] = method, ["request.path"] = path, ["request.cookies.sid"] = "abc",
        });

        Assert.True(f.Decide(set, With("POST", "/checkout")).Entities.ContainsKey("session"));
        Assert.False(f.Decide(set, With("GET", "/checkout")).Entities.ContainsKey("session"));
        Assert.False(f.Decide(set, With("POST", "/cart")).Entities.ContainsKey("session"));
    }

    [Fact]
    public void An_alias_key_field_and_its_canonical_name_give_the_same_entity_key()
    {
        PolicySet WithKeyFields(params string[] keyFields) => Compile(
            [Policy("p", null, Clause("watch", entityId: "by-agent"))],
            entities: [new EntityDefinition { Id = "by-agent", Name = "by agent", KeyFields = keyFields }]);
        var f = new EngineFixture();
        var request = Request(userAgent: "curl/8.0");

        var canonical = f.Decide(WithKeyFields("request.method", "user_agent"), request).Entities["by-agent"];
        var alias = f.Decide(WithKeyFields("http_method", "user_agent"), request).Entities["by-agent"];
        var other = f.Decide(WithKeyFields("request.path", "user_agent"), request).Entities["by-agent"];

        Assert.Equal(canonical, alias);
        Assert.NotEqual(canonical, other);
    }

    [Fact]
    public void Crawler_tokens_cover_the_six_documented_vendors()
    {
        string[] expected = ["GPTBot", "ClaudeBot", "Googlebot", "Applebot", "meta-externalagent", "Cloudflare-AutoRAG"];

        foreach (var token in expected)
        {
            Assert.Contains(token, BundledEntities.CrawlerTokens);
        }

        Assert.Equal(BundledEntities.CrawlerMatchText, BundledEntities.BotCrawlers.MatchExpression!.Value.GetString());
    }
}
