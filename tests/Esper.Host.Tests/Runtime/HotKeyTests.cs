using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

public sealed class HotKeyTests
{
    [Fact]
    public async Task Concurrent_requests_of_one_actor_are_counted_exactly()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())));

        // Every request sees its own count: exactly five fit under the threshold, whatever the interleaving.
        Assert.Equal(5, answers.Count(a => a.Str("action") == "allow"));
        Assert.Equal(25, answers.Count(a => a.Str("action") == "block"));
        Assert.Equal(30, (await client.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());
    }
}
