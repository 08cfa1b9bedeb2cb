using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Processes;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Acknowledged_decisions_and_audit_entries_survive_sigkill()
    {
        var dataDir = TempDir.Create();
        string[] decisionIds;
        using (var host = await HostProcess.StartAsync(dataDir))
        {
            using var client = host.Client();
            await Scenario.CreateBlockWindowAsync(client);
            await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));
            var answers = new List<ApiResult>();
            for (var i = 0; i < 6; i++)
            {
                answers.Add(await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event()));
            }

            Assert.Equal("block", answers[^1].Str("action"));
            decisionIds = [.. answers.Select(a => a.Str("decision_id"))];
            host.Kill();
        }

        using var restarted = await HostProcess.StartAsync(dataDir);
        using var after = restarted.Client();
        var watch = await after.GetAsync("/api/v1/results/policies/watch");
        var burst = await after.GetAsync("/api/v1/results/policies/burst");
        var audit = await after.GetAsync("/api/v1/audit");

        Assert.Equal(6, watch.Body.GetProperty("total").GetInt64());
        Assert.Equal(6, watch.Body.GetProperty("observe").GetInt64());
        Assert.Equal(1, burst.Body.GetProperty("block").GetInt64());
        var recent = watch.Body.GetProperty("recent_decisions").EnumerateArray().Select(d => d.GetProperty("decision_id").GetString()!).ToHashSet();
        Assert.Superset(decisionIds.ToHashSet(), recent);
        var changes = audit.Body.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("resource_id").GetString()).ToList();
        Assert.Contains("block-5m", changes);
        Assert.Contains("burst", changes);
        Assert.Contains("watch", changes);
        Assert.Equal("block", (await after.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }
}
