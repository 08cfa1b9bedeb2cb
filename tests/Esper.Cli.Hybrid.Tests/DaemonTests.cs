using Esper.Cli.Hybrid.Tests.Support;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests;

public sealed class DaemonTests
{
    [Fact]
    public async Task Daemon_decides_as_origin_does_and_forwards_each_event_to_origin_once()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: true);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);
        using var daemon = await DaemonProcess.StartAsync(esper, key);
        using var anonymous = new HttpClient { BaseAddress = daemon.BaseAddress };
        using var unauthenticated = await anonymous.PostAsync("/api/v1/runtime/mitigation", new StringContent(Traffic.Event("198.51.100.7"), System.Text.Encoding.UTF8, "application/json"));

        var local = new List<string>();
        var cloud = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var atDaemon = await daemon.DecideAsync(Traffic.Event("198.51.100.7"));
            var atOrigin = await origin.PostAsync("/api/v1/runtime/mitigation", Traffic.Event("198.51.100.8"));
            local.Add($"{atDaemon.GetProperty("action").GetString()}/{atDaemon.GetProperty("policy_id")}");
            cloud.Add($"{atOrigin.GetProperty("action").GetString()}/{atOrigin.GetProperty("policy_id")}");
        }

        Assert.Equal(cloud, local);
        Assert.Equal("block/burst", local[^1]);
        await Wait.UntilAsync(async () => await Traffic.OriginCountAsync(origin) >= 12, TimeSpan.FromSeconds(60), "origin to record the daemon's six events");
        await Wait.UntilAsync(async () => (await daemon.StatsAsync()).GetProperty("queue_bytes").GetInt64() == 0, TimeSpan.FromSeconds(30), "the forward queue to empty");
        Assert.Equal(12, await Traffic.OriginCountAsync(origin));
        var stats = await daemon.StatsAsync();
        Assert.Equal(6, stats.GetProperty("forwarded").GetInt64());

        // A request the handler refuses is neither a decision nor an event for origin.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(6, stats.GetProperty("decisions").GetInt64());
        Assert.Equal(1, stats.GetProperty("refused_requests").GetInt64());
    }

    [Fact]
    public async Task With_origin_down_the_daemon_keeps_deciding_and_a_killed_daemon_still_delivers_every_event_once()
    {
        var root = Paths.TempDirectory();
        var originData = Path.Combine(root, "origin");
        var port = LoopbackPort.Free();
        var esper = new EsperTool(Path.Combine(root, "home"));
        string key;
        using (var origin = await OriginProcess.StartAsync(originData, port))
        {
            await Traffic.ConfigureAsync(origin);
            key = await origin.CreateRuntimeKeyAsync();
            Assert.Equal(0, (await esper.RunAsync("init", "--api-base", origin.BaseAddress.ToString(), "--api-key", key)).ExitCode);
            Assert.Equal(0, (await esper.RunAsync("sync")).ExitCode);
        }

        var actions = new List<string>();
        using (var daemon = await DaemonProcess.StartAsync(esper, key))
        {
            for (var i = 0; i < 7; i++)
            {
                actions.Add((await daemon.DecideAsync(Traffic.Event("203.0.113.50"))).GetProperty("action").GetString()!);
            }

            var stats = await daemon.StatsAsync();
            Assert.Equal(7, stats.GetProperty("queued").GetInt64());
            Assert.True(stats.GetProperty("queue_bytes").GetInt64() > 0);
            daemon.Kill();
        }

        using var back = await OriginProcess.StartAsync(originData, port);
        using var restarted = await DaemonProcess.StartAsync(esper, key);
        await Wait.UntilAsync(async () => (await restarted.StatsAsync()).GetProperty("queue_bytes").GetInt64() == 0, TimeSpan.FromSeconds(60), "the queued events to reach origin");

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block", "block"], actions);
        Assert.Equal(7, await Traffic.OriginCountAsync(back));
    }

    [Fact]
    public async Task A_block_decided_at_origin_reaches_the_daemon_and_applies_locally()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: false);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);
        using var daemon = await DaemonProcess.StartAsync(esper, key);
        var before = await daemon.DecideAsync(Traffic.Event("192.0.2.99"));

        for (var i = 0; i < 6; i++)
        {
            await origin.PostAsync("/api/v1/runtime/mitigation", Traffic.Event("192.0.2.66"));
        }

        await Wait.UntilAsync(async () => (await daemon.StatsAsync()).GetProperty("mitigations_applied").GetInt64() > 0, TimeSpan.FromSeconds(30), "the daemon to apply origin's block");
        var after = await daemon.DecideAsync(Traffic.Event("192.0.2.66"));

        Assert.Equal("allow", before.GetProperty("action").GetString());
        Assert.Equal("block", after.GetProperty("action").GetString());
        Assert.Equal("burst", after.GetProperty("policy_id").GetString());
    }

    [Fact]
    public async Task Sigterm_flushes_the_queue_before_the_daemon_exits()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: false);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);

        // A sync interval far longer than the test: only the shutdown flush can deliver these events.
        using var daemon = await DaemonProcess.StartAsync(esper, key, syncIntervalSeconds: 3600);
        for (var i = 0; i < 3; i++)
        {
            await daemon.DecideAsync(Traffic.Event("198.51.100.30"));
        }

        var countBefore = await Traffic.OriginCountAsync(origin);
        await daemon.TerminateAsync();

        Assert.Equal(0, countBefore);
        Assert.Equal(3, await Traffic.OriginCountAsync(origin));
        Assert.Contains("forward queue flushed", File.ReadAllText(Path.Combine(esper.Home, "logs", "esper.log")), StringComparison.Ordinal);
    }
}
