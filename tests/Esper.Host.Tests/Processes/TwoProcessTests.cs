using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Processes;

public sealed class TwoProcessTests
{
    [Fact]
    public async Task Two_hosts_over_one_sqlite_file_decide_exactly_as_one()
    {
        var dataDir = TempDir.Create();
        using var first = await HostProcess.StartAsync(dataDir);
        using var second = await HostProcess.StartAsync(dataDir);
        using var a = first.Client();
        using var b = second.Client();
        await Scenario.CreateBlockWindowAsync(a);
        await a.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var actions = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var client = i % 2 == 0 ? a : b;
            actions.Add((await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block", "block", "block"], actions);
        var viaA = await a.GetAsync("/api/v1/results/policies/watch");
        var viaB = await b.GetAsync("/api/v1/results/policies/watch");
        Assert.Equal(8, viaA.Body.GetProperty("total").GetInt64());
        Assert.Equal(viaA.Body.GetProperty("total").GetInt64(), viaB.Body.GetProperty("total").GetInt64());

        // A config change made through one process is seen by the other on its next decision.
        var etag = (await b.GetAsync("/api/v1/policies/burst")).Header("ETag");
        await b.PatchAsync("/api/v1/policies/burst", """{"status":"disabled"}""", etag);
        var afterChange = await a.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        Assert.True(afterChange.Status == System.Net.HttpStatusCode.OK, $"{afterChange.Status} {afterChange.Text}");
        Assert.Equal("allow", afterChange.Str("action"));

        // An idempotency key answered by one process is answered the same by the other.
        var once = await a.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "cross-1"));
        var twice = await b.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "cross-1"));
        Assert.Equal(once.Str("decision_id"), twice.Str("decision_id"));
    }
}
