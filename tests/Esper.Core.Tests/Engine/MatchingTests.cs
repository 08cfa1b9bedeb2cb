using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class MatchingTests
{
    private static readonly ActionDefinition[] Actions =
    [
        Action("login", "request.method == \"POST\" && request.path == \"/login\""),
        Action("api", "request.path.startsWith(\"/api\")"),
        Action("off", "true", enabled: false),
    ];

    [Fact]
    public void Clause_matches_only_when_every_required_action_matched()
    {
        var set = Compile([Policy("p", null, Clause("block", actionIds: ["login", "api"]), Clause("challenge", actionIds: "login"))], actions: Actions);
        var f = new EngineFixture();

        var login = f.Decide(set, Request("POST", "/login"));
        var apiOnly = f.Decide(set, Request("POST", "/api/x"));

        Assert.Equal(DecisionAction.Challenge, login.Action);
        Assert.Equal(1, Assert.Single(login.Matches).ClauseIndex);
        Assert.Equal(DecisionAction.Allow, apiOnly.Action);
    }

    [Fact]
    public void Decision_lists_the_matched_actions()
    {
        var set = Compile([Policy("p", null, Clause("watch"))], actions: Actions);

        var decision = new EngineFixture().Decide(set, Request("POST", "/login"));

        Assert.Equal([new MatchedAction("login", "login")], decision.Actions);
    }

    [Fact]
    public void Disabled_action_never_matches_so_clauses_requiring_it_never_fire()
    {
        var set = Compile([Policy("p", null, Clause("block", actionIds: "off"))], actions: Actions);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Empty(decision.Actions);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Scope_decides_whether_the_policy_sees_the_request_at_all()
    {
        var set = Compile([Policy("admin", "request.path.startsWith(\"/admin\")", Clause("block", "request.method == \"DELETE\""))]);
        var f = new EngineFixture();

        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("DELETE", "/admin/users")).Action);
        Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("DELETE", "/users")).Action);
        Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("GET", "/admin/users")).Action);
    }

    [Fact]
    public void Clause_without_match_applies_to_all_traffic_in_scope()
    {
        var set = Compile([Policy("all", null, Clause("challenge"))]);

        Assert.Equal(DecisionAction.Challenge, new EngineFixture().Decide(set, Request("PATCH", "/anything")).Action);
    }

    [Fact]
    public void Tree_form_and_text_form_clauses_decide_alike()
    {
        var tree = Clause("block");
        tree.Match = TestExpressions.Tree("""
            {"and": [{"field": "request.method", "op": "eq", "value": "POST"}, {"field": "request.path", "op": "starts_with", "value": "/login"}]}
            """);
        var treeSet = Compile([Policy("p", null, tree)]);
        var textSet = Compile([Policy("p", null, Clause("block", "request.method == \"POST\" && request.path.startsWith(\"/login\")"))]);
        var f = new EngineFixture();

        foreach (var (method, path) in new[] { ("POST", "/login"), ("GET", "/login"), ("POST", "/logout"), ("POST", "/login/x") })
        {
            Assert.Equal(f.Decide(textSet, Request(method, path)).Action, f.Decide(treeSet, Request(method, path)).Action);
        }

        Assert.Equal(DecisionAction.Block, f.Decide(treeSet, Request("POST", "/login")).Action);
        Assert.Empty(treeSet.Problems);
    }
}
