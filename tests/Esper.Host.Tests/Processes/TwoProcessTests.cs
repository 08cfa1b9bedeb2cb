using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Processes;

public sealed class TwoProcessTests
{
    [Fact]
    public async Task Second_host_over_one_data_directory_refuses_to_start_and_the_first_keeps_deciding()
    {
        var dataDir = TempDir.Create();
        using var first = await HostProcess.StartAsync(dataDir);
        using var a = first.Client();
        await Scenario.CreateBlockWindowAsync(a);
        await a.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));
        var actions = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            actions.Add((await a.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync(dataDir));

        // The host exits with 2 (a refused start) and says which file is taken and what to do.
        Assert.Contains("exited with code 2", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dataDir, "esper.db"), refused.Message, StringComparison.Ordinal);
        Assert.Contains("already open in another Esper process", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ESPER_DATA_DIR", refused.Message, StringComparison.Ordinal);

        // The first host noticed nothing: its window keeps counting across the refused start.
        for (var i = 0; i < 4; i++)
        {
            actions.Add((await a.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
        }

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block", "block", "block"], actions);
        Assert.Equal(8, (await a.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());

        // Once the owner is gone (killed: the lock goes with the process), a new host takes the directory over and
        // sees everything the first one acknowledged.
        first.Kill();
        using var next = await HostProcess.StartAsync(dataDir);
        using var b = next.Client();
        Assert.Equal(8, (await b.GetAsync("/api/v1/results/policies/watch")).Body.GetProperty("total").GetInt64());
        Assert.Equal("block", (await b.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Str("action"));
    }
}
