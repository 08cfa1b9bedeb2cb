using System.Text.Json.Nodes;
using Esper.Functions.Aws.Tests.Process;

namespace Esper.Functions.EndToEnd.Tests;

/// <summary>
/// The deployed shape on AWS: the Lambda function over DynamoDB (dynalite here) decides as the local host does over
/// the same table.
/// </summary>
public sealed class SameDecisionOnDynamoDbTests(Dynalite dynalite) : IClassFixture<Dynalite>, IAsyncLifetime
{
    private ThreeHosts _hosts = null!;

    public async Task InitializeAsync() => _hosts = await ThreeHosts.StartOnDynamoDbAsync(dynalite.ServiceUrl);

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    [Fact]
    public async Task Lambda_and_local_host_share_the_window_and_answer_the_same_block()
    {
        await SameDecisionTests.ConfigureThroughTheLocalHostAsync(_hosts);

        var decisions = new List<JsonNode>();
        for (var i = 0; i < 6; i++)
        {
            decisions.Add(await SameDecisionTests.DecideAsync(i % 2 == 0 ? _hosts.HostAsync : _hosts.LambdaAsync));
        }

        Assert.All(decisions.Take(5), d => Assert.Equal("allow", (string)d["action"]!));
        Assert.Equal("block", (string)decisions[5]["action"]!);

        // On a cloud store the Lambda writes the penalty of its block right after answering, so the other process
        // sees it a moment later (docs/decision-semantics.md, "Penalties in flight"); until then the host blocks on
        // the window alone. Wait for the penalty, bounded, and then the two answer the same.
        var host = SameDecisionTests.Comparable(await PenalisedDecisionAsync(_hosts.HostAsync));
        var lambda = SameDecisionTests.Comparable(await SameDecisionTests.DecideAsync(_hosts.LambdaAsync));

        Assert.Equal("block", (string)host["action"]!);
        Assert.Equal(host.ToJsonString(), lambda.ToJsonString());
    }

    private static async Task<JsonNode> PenalisedDecisionAsync(Func<string, string, string?, Task<(int, string)>> host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var decision = await SameDecisionTests.DecideAsync(host);
            if (decision["matches"]!.AsArray().Any(m => (bool)m!["penalty_active"]!))
            {
                return decision;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the Lambda's penalty never reached the local host: {decision.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
