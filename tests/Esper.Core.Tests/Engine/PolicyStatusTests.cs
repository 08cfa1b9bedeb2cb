using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class PolicyStatusTests
{
    [Fact]
    public void Dry_run_policy_is_reported_but_never_enforced()
    {
        var dry = Policy("dry", null, Clause("block"));
        dry.Status = PolicyStatuses.DryRun;
        var set = Compile([dry, Policy("live", null, Clause("watch"))]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Equal(DecisionOutcome.Observe, decision.Outcome);
        Assert.Equal("live", decision.PolicyId);
        var dryMatch = Assert.Single(decision.Matches, m => m.PolicyId == "dry");
        Assert.True(dryMatch.DryRun);
        Assert.Equal(MitigationMode.Block, dryMatch.Mode);
        Assert.Contains(new PolicyOutcome("dry", DecisionOutcome.Block, true), decision.PolicyOutcomes);
        Assert.Contains(new PolicyOutcome("live", DecisionOutcome.Observe, false), decision.PolicyOutcomes);
    }

    [Fact]
    public void Dry_run_alone_allows_and_says_what_it_would_have_done()
    {
        var dry = Policy("dry", null, Clause("challenge"));
        dry.Status = PolicyStatuses.DryRun;

        var decision = new EngineFixture().Decide(Compile([dry]), Request());

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Equal(DecisionOutcome.Allow, decision.Outcome);
        Assert.Null(decision.PolicyId);
        Assert.Contains("would challenge", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_penalties_are_tracked_but_not_enforced()
    {
        var f = new EngineFixture();
        var dry = Policy("dry", null, Clause("block-1m", "request.path == \"/x\"", BundledEntities.IpUserAgentId));
        dry.Status = PolicyStatuses.DryRun;
        var set = Compile([dry], [Mitigation("block-1m", MitigationModes.Block, 60)]);
        f.Decide(set, Request(path: "/x"));

        var later = f.Decide(set, Request(path: "/y"));

        Assert.Equal(DecisionAction.Allow, later.Action);
        Assert.True(Assert.Single(later.Matches).PenaltyActive);
    }

    [Fact]
    public void Disabled_policy_is_not_evaluated()
    {
        var off = Policy("off", null, Clause("block"));
        off.Status = PolicyStatuses.Disabled;

        var decision = new EngineFixture().Decide(Compile([off]), Request());

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Empty(decision.Matches);
        Assert.Empty(decision.PolicyOutcomes);
    }

    [Fact]
    public void Clause_naming_a_disabled_mitigation_never_fires()
    {
        var set = Compile(
            [Policy("p", null, Clause("off"), Clause("watch"))],
            [Mitigation("off", MitigationModes.Block, enabled: false), Mitigation("watch", MitigationModes.Monitor)]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionOutcome.Observe, decision.Outcome);
        Assert.Equal(1, Assert.Single(decision.Matches).ClauseIndex);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void Policy_outcomes_list_every_policy_whose_scope_held()
    {
        var set = Compile(
        [
            Policy("a", null, Clause("block", "request.path == \"/nope\"")),
            Policy("b", "request.path == \"/\"", Clause("challenge")),
            Policy("c", "request.path == \"/other\"", Clause("block")),
        ]);

        var decision = new EngineFixture().Decide(set, Request(path: "/"));

        Assert.Equal(
            [new PolicyOutcome("a", DecisionOutcome.Allow, false), new PolicyOutcome("b", DecisionOutcome.Challenge, false)],
            decision.PolicyOutcomes);
    }

    [Fact]
    public void Unknown_references_are_reported_and_their_clause_ignored()
    {
        var set = Compile([Policy("p", null, Clause("missing"), Clause("block", actionIds: "ghost"), Clause("watch", entityId: "nobody"), Clause("watch"))]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(
            ["policies[p].clauses[0].mitigation_id", "policies[p].clauses[1].action_ids[0]", "policies[p].clauses[2].entity_id"],
            set.Problems.Select(p => p.Path));
        Assert.Equal(3, Assert.Single(decision.Matches).ClauseIndex);
    }

    [Fact]
    public void Expression_that_does_not_compile_leaves_its_policy_out()
    {
        var set = Compile([Policy("bad", "request.path ~~ 1", Clause("block")), Policy("good", null, Clause("watch"))]);

        var decision = new EngineFixture().Decide(set, Request());

        var problem = Assert.Single(set.Problems);
        Assert.Equal("policies[bad].scope", problem.Path);
        Assert.Equal(13, problem.Position);
        Assert.Equal("good", decision.PolicyId);
    }

    [Fact]
    public void Malformed_configuration_entries_are_reported_not_thrown()
    {
        var noClauses = Policy("no-clauses", null);
        noClauses.Clauses = null!;
        var nullClause = Policy("null-clause", null, null!, Clause("watch"));
        var nullRefs = Policy("null-refs", null, new PolicyClause { MitigationId = null!, ActionIds = null! }, Clause("block", actionIds: [null!]));
        var set = Compile(
            [noClauses, nullClause, nullRefs, new PolicyDefinition { Id = null!, Name = "x", Clauses = [Clause("block")] }, null!],
            [Mitigation("block", MitigationModes.Block), Mitigation("watch", MitigationModes.Monitor), null!],
            actions: [new ActionDefinition { Id = "a", Name = "a", Expression = null }],
            entities: [new EntityDefinition { Id = "e", Name = "e", KeyFields = [null!] }]);

        var decision = new EngineFixture().Decide(set, Request());

        Assert.Equal(DecisionOutcome.Observe, decision.Outcome);
        Assert.Equal("null-clause", decision.PolicyId);
        Assert.Contains(set.Problems, p => p.Path == "policies[null-clause].clauses[0]");
        Assert.Contains(set.Problems, p => p.Path == "policies[null-refs].clauses[0].mitigation_id");
        Assert.Contains(set.Problems, p => p.Path == "policies");
        Assert.Contains(set.Problems, p => p.Path == "mitigations");
        Assert.Contains(set.Problems, p => p.Path == "actions[a].expression");
        Assert.Contains(set.Problems, p => p.Path == "entities[e].key_fields");
    }
}
