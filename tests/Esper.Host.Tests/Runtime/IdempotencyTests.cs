using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

public sealed class IdempotencyTests
{
    [Theory]
    [InlineData("before_answer")]
    [InlineData("after_answer")]
    public async Task Twenty_concurrent_retries_get_one_decision_counted_once(string recording)
    {
        using var host = EsperHost.Start(settings: new Dictionary<string, string> { ["ESPER_RECORDING"] = recording });
        using var client = host.Client();
        await Scenario.CreateBlockWindowAsync(client);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var retries = Enumerable.Range(0, 20).Select(_ => client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "req-0001")));
        var answers = await Task.WhenAll(retries);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Str("decision_id")).Distinct());
        var results = await client.GetAsync("/api/v1/results/policies/watch");
        Assert.Equal(1, results.Body.GetProperty("total").GetInt64());

        // The window saw the event once: four more distinct requests stay under the threshold of five.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("allow", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        Assert.Equal("block", (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }

    [Fact]
    public async Task A_retry_within_a_day_returns_the_same_decision_and_a_later_one_decides_again()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));

        var first = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "k-1"));
        host.Time.Advance(TimeSpan.FromHours(23));
        var retry = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "k-1"));
        host.Time.Advance(TimeSpan.FromHours(2));
        var later = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event(idempotencyKey: "k-1"));

        Assert.Equal(first.Text, retry.Text);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.NotEqual(first.Str("decision_id"), later.Str("decision_id"));
        Assert.Equal(2, (await client.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());
    }
}
