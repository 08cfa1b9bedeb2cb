using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class WindowTests
{
    private static PolicySet LoginLimit(int seconds = 60, long threshold = 5) => Compile(
    [
        Policy("login-limit", "request.path == \"/login\"",
            Clause("block", "request.method == \"POST\"", BundledEntities.IpUserAgentId, seconds, threshold)),
    ]);

    [Fact]
    public void Window_allows_threshold_events_and_fires_on_the_next_one()
    {
        var f = new EngineFixture();
        var set = LoginLimit();

        for (var i = 1; i <= 5; i++)
        {
            var allowed = f.Decide(set, Request("POST", "/login"));
            Assert.Equal(DecisionAction.Allow, allowed.Action);
            f.Advance(1);
        }

        var sixth = f.Decide(set, Request("POST", "/login"));

        Assert.Equal(DecisionAction.Block, sixth.Action);
        Assert.Equal("login-limit", sixth.PolicyId);
        var match = Assert.Single(sixth.Matches);
        Assert.Equal(6, match.WindowCount);
        Assert.Equal(0, match.ClauseIndex);
        Assert.Contains("6 matching events in 60s", sixth.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_zero_fires_on_the_first_matching_event()
    {
        var f = new EngineFixture();

        var first = f.Decide(LoginLimit(threshold: 0), Request("POST", "/login"));

        Assert.Equal(DecisionAction.Block, first.Action);
        Assert.Equal(1, Assert.Single(first.Matches).WindowCount);
    }

    [Fact]
    public void Window_slides_so_events_older_than_its_length_stop_counting()
    {
        var f = new EngineFixture();
        var set = LoginLimit();
        for (var i = 0; i < 5; i++)
        {
            f.Decide(set, Request("POST", "/login"));
            f.Advance(10);
        }

        // t = 50: the five events at t = 0..40 are all still in the window, so this sixth one fires.
        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("POST", "/login")).Action);

        // t = 75: the events at t = 0 and 10 left the 60 s window (and the bucket-rounding margin);
        // four remain (20, 30, 40, 50) plus this one = 5, which is allowed.
        f.Advance(25);
        var later = f.Decide(set, Request("POST", "/login"));

        Assert.Equal(DecisionAction.Allow, later.Action);
        Assert.Empty(later.Matches);
    }

    [Fact]
    public void Window_count_never_misses_an_event_younger_than_the_window()
    {
        var f = new EngineFixture();
        var set = LoginLimit(seconds: 10, threshold: 1);
        f.Decide(set, Request("POST", "/login"));

        f.Advance(9);
        var decision = f.Decide(set, Request("POST", "/login"));

        Assert.Equal(DecisionAction.Block, decision.Action);
        Assert.Equal(2, decision.Matches[0].WindowCount);
    }

    [Fact]
    public void Events_outside_a_one_second_resolution_window_are_not_counted()
    {
        var f = new EngineFixture();
        var set = LoginLimit(seconds: 10, threshold: 1);
        f.Decide(set, Request("POST", "/login"));

        f.Advance(10);

        Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("POST", "/login")).Action);
    }

    [Fact]
    public void Windows_count_each_entity_key_separately()
    {
        var f = new EngineFixture();
        var set = LoginLimit(threshold: 2);
        f.Decide(set, Request("POST", "/login", ip: "198.51.100.1"));
        f.Decide(set, Request("POST", "/login", ip: "198.51.100.1"));

        var other = f.Decide(set, Request("POST", "/login", ip: "198.51.100.2"));
        var same = f.Decide(set, Request("POST", "/login", ip: "198.51.100.1"));

        Assert.Equal(DecisionAction.Allow, other.Action);
        Assert.Equal(DecisionAction.Block, same.Action);
    }

    [Fact]
    public void Requests_that_do_not_match_the_clause_are_not_counted()
    {
        var f = new EngineFixture();
        var set = LoginLimit(threshold: 1);
        f.Decide(set, Request("POST", "/login"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("GET", "/login")).Action);
        }

        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("POST", "/login")).Action);
    }

    [Fact]
    public void Long_windows_use_coarser_buckets_and_still_fire()
    {
        var f = new EngineFixture();
        var set = LoginLimit(seconds: 3600, threshold: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DecisionAction.Allow, f.Decide(set, Request("POST", "/login")).Action);
            f.Advance(1000);
        }

        Assert.Equal(DecisionAction.Block, f.Decide(set, Request("POST", "/login")).Action);
    }
}
