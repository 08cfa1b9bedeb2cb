using Esper.Core.Engine;
using Esper.Core.Resources;
using static Esper.Core.Tests.Engine.EngineFixture;

namespace Esper.Core.Tests.Engine;

public sealed class InMemoryEntityStateTests
{
    private static readonly EntityDefinition ByIp = new() { Id = "ip", Name = "ip", KeyFields = ["client_ip"] };

    [Fact]
    public void Item_expires_as_a_whole_at_its_expiry()
    {
        var f = new EngineFixture();
        var set = Compile([Policy("a", null, Clause("block", entityId: "ip", windowSeconds: 10, threshold: 5))], entities: [ByIp]);
        var decision = f.Decide(set, Request());
        var key = decision.Entities["ip"];

        // TTL = 10 s window + 2 one-second buckets.
        f.Advance(11);
        Assert.NotEmpty(f.State.Read(key, f.Now));
        f.Advance(1);
        Assert.Empty(f.State.Read(key, f.Now));
    }

    [Fact]
    public void Concurrent_decisions_on_one_entity_key_count_exactly()
    {
        var f = new EngineFixture();
        var set = Compile([Policy("a", null, Clause("watch", entityId: "ip", windowSeconds: 60, threshold: 1_000_000))], entities: [ByIp]);
        var now = f.Now;

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 250; i++)
            {
                set.Decide(Request(), now, f.State);
            }
        });

        var key = Assert.Single(set.Prepare(Request(), now).StateRequests).EntityKey;
        Assert.Equal(2000, f.State.Read(key, now).Values.Sum());
    }
}
