using Esper.Cli.Hybrid.Tests.Support;
using Esper.Storage.Repositories;
using Esper.Storage.Sqlite;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests;

/// <summary>What the daemon keeps in its own embedded store, and who may open it.</summary>
public sealed class DaemonLocalStateTests
{
    [Fact]
    public async Task The_daemon_keeps_penalties_locally_and_leaves_decision_records_to_origin()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: true);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);
        var actions = new List<string>();
        using (var daemon = await DaemonProcess.StartAsync(esper, key, syncIntervalSeconds: 3600))
        {
            for (var i = 0; i < 6; i++)
            {
                actions.Add((await daemon.DecideAsync(Traffic.Event("198.51.100.77"))).GetProperty("action").GetString()!);
            }

            await daemon.TerminateAsync();
        }

        using (var store = new SqliteKeyValueStore(SqliteStoreOptions.PathIn(Path.Combine(esper.Home, "data")), TimeProvider.System))
        {
            Assert.Empty(await store.QueryAsync(StorageKeys.DecisionPartition("default"), ""));
            Assert.Empty(await store.QueryAsync(StorageKeys.ActiveMitigationPartition("default"), ""));
        }

        // The block's penalty is local state: a restarted daemon still applies it, whatever origin is doing.
        using var restarted = await DaemonProcess.StartAsync(esper, key, syncIntervalSeconds: 3600);
        var afterRestart = await restarted.DecideAsync(Traffic.Event("198.51.100.77"));

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block"], actions);
        Assert.Equal("block", afterRestart.GetProperty("action").GetString());
        Assert.Equal(6, await Traffic.OriginCountAsync(origin));
    }

    [Fact]
    public async Task A_second_run_over_a_home_in_use_exits_4_with_one_clean_line()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: true);
        using var daemon = await DaemonProcess.StartAsync(workspace.Esper, workspace.RuntimeKey);

        var (exitCode, _, error) = await workspace.Esper.RunAsync("run", "--listen", $"http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.Equal(4, exitCode);
        Assert.StartsWith($"error: {workspace.Esper.Home} is in use: another esper run", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected failure", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
