using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class PenaltyTests
{
    private static PolicySet LoginLimitWithPenalty(long durationSeconds = 300) => Compile(
        [
            Policy("login-limit", "request.path.startsWith(\"/login\")",
                Clause("block-5m", "request.method == \"POST\"", BundledEntities.IpUserAgentId, 60, 5)),
        ],
        [Mitigation("block-5m", MitigationModes.Block, durationSeconds)]);

    private static void Trip(EngineFixture f, PolicySet set)
    {
        for (var i = 0; i < 6; i++)
        {
            f.Decide(set, Request("POST", "/login"));
        }
    }

    [Fact]
    public void Block_applies_to_later_requests_until_penalty_expires()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);

        // Two minutes later the window has calmed and the request does not even match the clause.
        f.Advance(120);
        var during = f.Decide(set, Request("GET", "/login/help"));

        Assert.Equal(DecisionAction.Block, during.Action);
        var match = Assert.Single(during.Matches);
        Assert.True(match.PenaltyActive);
        Assert.Equal(Start.ToUnixTimeSeconds() + 300, match.PenaltyExpiresAt);
        Assert.Null(match.WindowCount);

        f.Advance(180);
        var after = f.Decide(set, Request("GET", "/login/help"));

        Assert.Equal(DecisionAction.Allow, after.Action);
        Assert.Empty(after.Matches);
    }

    [Fact]
    public void Penalty_applies_only_inside_the_policy_scope()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);

        var outside = f.Decide(set, Request("GET", "/home"));

        Assert.Equal(DecisionAction.Allow, outside.Action);
    }

    [Fact]
    public void Penalty_applies_only_to_the_entity_key_that_tripped_it()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);

        var other = f.Decide(set, Request("GET", "/login", ip: "198.51.100.9"));

        Assert.Equal(DecisionAction.Allow, other.Action);
    }

    [Fact]
    public void Firing_returns_the_penalty_as_a_counter_to_set_with_its_expiry()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(f.Decide(set, Request("POST", "/login")).StateWrites);
        }

        var fired = f.Decide(set, Request("POST", "/login"));

        var write = Assert.Single(fired.StateWrites);
        Assert.Equal(fired.Entities[BundledEntities.IpUserAgentId], write.EntityKey);
        var (name, value) = Assert.Single(write.Set);
        Assert.Matches("^p[0-9a-f]{12}$", name);
        Assert.Equal(Start.ToUnixTimeSeconds() + 300, value);
        Assert.True(write.ExpiresAt >= DateTimeOffset.FromUnixTimeSeconds(value));
    }

    [Fact]
    public void Mitigation_without_duration_applies_to_the_firing_request_only()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty(durationSeconds: 0);
        Trip(f, set);

        var next = f.Decide(set, Request("GET", "/login"));

        Assert.Equal(DecisionAction.Allow, next.Action);
        Assert.Empty(next.Matches);
    }

    [Fact]
    public void Firing_again_during_a_penalty_extends_it()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);
        f.Advance(100);

        // The window refilled: the sixth POST in it fires again while the first penalty is still on.
        Decision again = null!;
        for (var i = 0; i < 6; i++)
        {
            again = f.Decide(set, Request("POST", "/login"));
        }

        var match = Assert.Single(again.Matches);
        Assert.True(match.PenaltyActive);
        Assert.Equal(Start.ToUnixTimeSeconds() + 400, match.PenaltyExpiresAt);
        f.Advance(250);
        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("GET", "/login")).Action);
    }

    [Fact]
    public void Firing_again_early_in_a_penalty_does_not_rewrite_it()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);
        f.Advance(74);

        // Firing now would lengthen the 300 s penalty by 74 s, less than a quarter of it: the penalty stands as set.
        var again = FireAgain(f, set);

        var match = Assert.Single(again.Matches);
        Assert.True(match.PenaltyActive);
        Assert.Equal(Start.ToUnixTimeSeconds() + 300, match.PenaltyExpiresAt);
        Assert.DoesNotContain(again.StateWrites, static w => w.Set.Count > 0);
        f.Advance(225);
        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("GET", "/login")).Action);
        f.Advance(1);
        Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("GET", "/login")).Action);
    }

    [Fact]
    public void Firing_again_a_quarter_into_a_penalty_renews_it_for_its_full_duration()
    {
        var f = new EngineFixture();
        var set = LoginLimitWithPenalty();
        Trip(f, set);
        f.Advance(75);

        var again = FireAgain(f, set);

        var match = Assert.Single(again.Matches);
        Assert.Equal(Start.ToUnixTimeSeconds() + 375, match.PenaltyExpiresAt);
        var write = Assert.Single(again.StateWrites);
        Assert.Equal(Start.ToUnixTimeSeconds() + 375, Assert.Single(write.Set).Value);
    }

    private static Decision FireAgain(EngineFixture f, PolicySet set)
    {
        // The window refilled: the sixth POST in it fires again while the first penalty is still on.
        Decision again = null!;
        for (var i = 0; i < 6; i++)
        {
            again = f.Decide(set, Request("POST", "/login"));
        }

        return again;
    }

    [Fact]
    public void Penalised_clause_without_window_fires_on_first_match_and_then_sticks()
    {
        var f = new EngineFixture();
        var set = Compile(
            [Policy("bad-path", null, Clause("challenge-1m", "request.path == \"/wp-admin\"", BundledEntities.IpUserAgentId))],
            [Mitigation("challenge-1m", MitigationModes.Challenge, 60)]);

        Assert.Equal(DecisionAction.Challenge, f.Decide(set, Request(path: "/wp-admin")).Action);
        f.Advance(59);
        Assert.Equal(DecisionAction.Challenge, f.Decide(set, Request(path: "/")).Action);
        f.Advance(1);
        Assert.Equal(DecisionAction.Allow, f.Decide(set, Request(path: "/")).Action);
    }
}
