using Esper.Api.Runtime;

namespace Esper.Api.Tests.Runtime;

public sealed class ClaimSignalsTests
{
    [Fact]
    public void Settling_a_key_wakes_its_waiters_and_no_other_key()
    {
        var signals = new ClaimSignals();
        var keys = Enumerable.Range(0, ClaimSignals.ShardCount * 2).Select(i => $"key-{i}").ToList();
        var waits = keys.Select(k => signals.Wait("t1", k)).ToList();
        var sameKeyTwice = signals.Wait("t1", keys[0]);
        var otherTenant = signals.Wait("t2", keys[0]);

        signals.Settle("t1", keys[0]);

        Assert.True(waits[0].Settled.IsCompleted);
        Assert.True(sameKeyTwice.Settled.IsCompleted);
        Assert.False(otherTenant.Settled.IsCompleted);
        Assert.All(waits.Skip(1), w => Assert.False(w.Settled.IsCompleted));
    }

    [Fact]
    public void A_key_whose_waiters_all_left_is_registered_afresh()
    {
        var signals = new ClaimSignals();
        var first = signals.Wait("t1", "k");
        first.Dispose();

        // Settling a key nobody waits on does nothing; a new waiter gets a signal of its own.
        signals.Settle("t1", "k");
        var second = signals.Wait("t1", "k");

        Assert.False(second.Settled.IsCompleted);
        signals.Settle("t1", "k");
        Assert.True(second.Settled.IsCompleted);
        Assert.False(first.Settled.IsCompleted);
    }
}
