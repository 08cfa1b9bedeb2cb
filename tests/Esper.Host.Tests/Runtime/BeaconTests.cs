using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

public sealed class BeaconTests
{
    [Theory]
    [InlineData("before_answer")]
    [InlineData("after_answer")]
    public async Task Beacon_events_fill_the_window_so_the_next_decision_blocks(string recording)
    {
        using var host = EsperHost.Start(settings: Recording(recording));
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);

        var single = await client.PostAsync("/api/v1/beacon/event", Scenario.Event());
        var batch = await client.PostAsync("/api/v1/beacon/event", $"[{Scenario.Event()},{Scenario.Event()},{Scenario.Event()},{Scenario.Event()}]");

        Assert.Equal(HttpStatusCode.Accepted, single.Status);
        Assert.Equal(1, single.Body.GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, batch.Status);
        Assert.Equal(4, batch.Body.GetProperty("accepted").GetInt32());
        Assert.False(batch.Body.TryGetProperty("action", out _));
        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    [Theory]
    [InlineData("before_answer")]
    [InlineData("after_answer")]
    public async Task Beacon_counts_a_repeated_idempotency_key_once(string recording)
    {
        using var host = EsperHost.Start(settings: Recording(recording));
        using var client = host.Client();
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var answer = await client.PostAsync("/api/v1/beacon/event", $"[{Scenario.Event(idempotencyKey: "b-1")},{Scenario.Event(idempotencyKey: "b-1")}]");

        Assert.Equal(1, answer.Body.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, (await client.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Beacon_batch_over_one_hundred_events_is_refused()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var events = string.Join(',', Enumerable.Repeat(Scenario.Event(), 101));

        var answer = await client.PostAsync("/api/v1/beacon/event", $"[{events}]");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("100", answer.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beacon_batch_error_names_the_event_index_and_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var answer = await client.PostAsync("/api/v1/beacon/event", "[" + Scenario.Event() + """,{"request":{"headers":7}}]""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("[1].", answer.Str("field"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Recording(string mode) => new() { ["ESPER_RECORDING"] = mode };
}
