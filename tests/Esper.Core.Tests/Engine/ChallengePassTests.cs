using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class ChallengePassTests
{
    private static readonly PolicySet Challenging = Compile([Policy("p", null, Clause("challenge", entityId: BundledEntities.IpUserAgentId))]);

    [Fact]
    public void Valid_pass_turns_a_challenge_into_allow()
    {
        var decision = new EngineFixture().Decide(Challenging, Request(), new FinishOptions { ChallengePassed = true });

        Assert.Equal(DecisionAction.Allow, decision.Action);
        Assert.Equal(DecisionOutcome.Allow, decision.Outcome);
        Assert.True(Assert.Single(decision.Matches).Waived);
        Assert.Equal("challenge waived by a valid pass", decision.Reason);
    }

    [Fact]
    public void Pass_does_not_lift_a_block()
    {
        var set = Compile([Policy("p", null, Clause("challenge"), Clause("block"))]);

        var decision = new EngineFixture().Decide(set, Request(), new FinishOptions { ChallengePassed = true });

        Assert.Equal(DecisionAction.Block, decision.Action);
    }

    [Fact]
    public void Pass_for_the_clause_entity_key_waives_it()
    {
        var f = new EngineFixture();
        var key = f.Decide(Challenging, Request()).Entities[BundledEntities.IpUserAgentId];

        var decision = f.Decide(Challenging, Request(), new FinishOptions { ChallengePassed = true, ChallengePassEntityKeys = [key] });

        Assert.Equal(DecisionAction.Allow, decision.Action);
    }

    [Fact]
    public void Pass_for_another_entity_key_does_not_waive()
    {
        var decision = new EngineFixture().Decide(
            Challenging,
            Request(),
            new FinishOptions { ChallengePassed = true, ChallengePassEntityKeys = ["ip-user-agent_00000000000000000000000000000000"] });

        Assert.Equal(DecisionAction.Challenge, decision.Action);
        Assert.False(Assert.Single(decision.Matches).Waived);
    }

    [Fact]
    public void Without_a_pass_the_challenge_stands()
    {
        Assert.Equal(DecisionAction.Challenge, new EngineFixture().Decide(Challenging, Request()).Action);
    }
}
