using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class PrecedenceTests
{
    [Theory]
    [InlineData(new[] { "watch", "challenge", "block" }, DecisionAction.Block, DecisionOutcome.Block, "p3")]
    [InlineData(new[] { "block", "challenge", "watch" }, DecisionAction.Block, DecisionOutcome.Block, "p1")]
    [InlineData(new[] { "watch", "challenge" }, DecisionAction.Challenge, DecisionOutcome.Challenge, "p2")]
    [InlineData(new[] { "watch" }, DecisionAction.Allow, DecisionOutcome.Observe, "p1")]
    public void Strongest_mitigation_wins_across_policies(string[] mitigations, DecisionAction action, DecisionOutcome outcome, string decidingPolicy)
    {
        var policies = new List<PolicyDefinition>();
        for (var i = 0; i < mitigations.Length; i++)
        {
            policies.Add(Policy($"p{i + 1}", null, Clause(mitigations[i])));
        }

        var decision = new EngineFixture().Decide(Compile(policies), Request());

        Assert.Equal(action, decision.Action);
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(decidingPolicy, decision.PolicyId);
        Assert.Equal(mitigations.Length, decision.Matches.Count);
    }

    [Fact]
    public void Strongest_clause_wins_inside_one_policy()
    {
        var set = Compile([Policy("p", null, Clause("watch"), Clause("block"), Clause("challenge"))]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionAction.Block, decision.Action);
        Assert.Equal(1, decision.ClauseIndex);
        Assert.Equal("block", decision.Mitigation!.Id);
        Assert.Equal([0, 1, 2], decision.Matches.Select(m => m.ClauseIndex));
    }

    [Fact]
    public void Ties_go_to_the_first_policy_in_id_order_whatever_the_config_order()
    {
        var set = Compile([Policy("zeta", null, Clause("block")), Policy("alpha", null, Clause("block"))]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal("alpha", decision.PolicyId);
        Assert.Equal(["alpha", "zeta"], decision.Matches.Select(m => m.PolicyId));
    }

    [Fact]
    public void Monitor_answers_allow_and_is_recorded_as_observed()
    {
        var set = Compile([Policy("watch-all", null, Clause("watch"))]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Equal(DecisionOutcome.Observe, decision.Outcome);
        Assert.Equal("watch-all", decision.PolicyId);
        Assert.Equal(MitigationMode.Monitor, Assert.Single(decision.Matches).Mode);
        Assert.Equal(DecisionOutcome.Observe, Assert.Single(decision.PolicyOutcomes).Outcome);
    }

    [Fact]
    public void Monitor_preset_observes_without_a_mitigation_definition()
    {
        var set = Compile([PolicyPresets.Monitor("observe", "Observe logins", TestExpressions.Text("request.path == \"/login\""))], mitigations: []);
        var f = new EngineFixture();

        var login = f.Decide(set, Request(path: "/login"));
        var home = f.Decide(set, Request(path: "/"));

        Assert.Empty(set.Problems);
        Assert.Equal(DecisionOutcome.Observe, login.Outcome);
        Assert.Equal(BuiltInMitigations.MonitorId, login.Mitigation!.Id);
        Assert.Equal(DecisionOutcome.Allow, home.Outcome);
    }

    [Fact]
    public void Nothing_fired_is_allow_with_a_reason()
    {
        var set = Compile([Policy("p", "request.path == \"/admin\"", Clause("block"))]);

        var decision = new EngineFixture().Decide(set, Request(path: "/"));

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Equal(DecisionOutcome.Allow, decision.Outcome);
        Assert.Null(decision.PolicyId);
        Assert.Null(decision.Mitigation);
        Assert.Equal("no enforced policy fired", decision.Reason);
        Assert.Empty(decision.PolicyOutcomes);
    }
}
