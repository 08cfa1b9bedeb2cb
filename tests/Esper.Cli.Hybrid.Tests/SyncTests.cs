using System.Text.Json.Nodes;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

public sealed class SyncTests
{
    [Fact]
    public async Task Sync_caches_origins_config_prints_what_changed_and_answers_not_modified_when_nothing_did()
    {
        var root = Paths.TempDirectory();
        using var origin = await OriginProcess.StartAsync(Path.Combine(root, "origin"));
        await origin.PostAsync("/api/v1/mitigations", """{"id":"block-5m","name":"Block","mode":"block","duration_seconds":300}""");
        await origin.PostAsync("/api/v1/policies", """{"id":"burst","name":"Burst","clauses":[{"entity_id":"ip-user-agent","window":{"seconds":60,"threshold":5},"mitigation_id":"block-5m"}]}""");
        var esper = new EsperTool(Path.Combine(root, "home"));
        var init = await esper.RunAsync("init", "--api-base", origin.BaseAddress.ToString(), "--api-key", await origin.CreateRuntimeKeyAsync());
        Assert.True(init.ExitCode == 0, init.Error);

        var first = await esper.RunAsync("sync");
        var again = await esper.RunAsync("sync");
        await origin.PostAsync("/api/v1/actions", """{"id":"login","name":"Login","expression":"request.path == \"/login\""}""");
        var actions = await esper.RunAsync("sync", "actions");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("policies: version", first.Output, StringComparison.Ordinal);
        Assert.Contains("added burst", first.Output, StringComparison.Ordinal);
        Assert.Contains("added block-5m", first.Output, StringComparison.Ordinal);
        var cached = JsonNode.Parse(File.ReadAllText(Path.Combine(esper.Home, "cache", "config.json")))!;
        Assert.Equal("burst", (string)cached["policies"]![0]!["id"]!);
        Assert.Contains("Up to date", again.Output, StringComparison.Ordinal);
        Assert.True(actions.ExitCode == 0, actions.Error);
        Assert.Contains("actions: version", actions.Output, StringComparison.Ordinal);
        Assert.Contains("added login", actions.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("policies", actions.Output, StringComparison.Ordinal);
        var cachedActions = JsonNode.Parse(File.ReadAllText(Path.Combine(esper.Home, "cache", "actions.json")))!;
        Assert.Equal("login", (string)cachedActions["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task Sync_with_origin_down_exits_3_and_keeps_the_cache()
    {
        var root = Paths.TempDirectory();
        var esper = new EsperTool(Path.Combine(root, "home"));
        string url;
        using (var origin = await OriginProcess.StartAsync(Path.Combine(root, "origin")))
        {
            url = origin.BaseAddress.ToString();
            await origin.PostAsync("/api/v1/mitigations", """{"id":"block-5m","name":"Block","mode":"block","duration_seconds":300}""");
            await esper.RunAsync("init", "--api-base", url, "--api-key", await origin.CreateRuntimeKeyAsync());
            Assert.Equal(0, (await esper.RunAsync("sync")).ExitCode);
        }

        var down = await esper.RunAsync("sync");

        Assert.Equal(3, down.ExitCode);
        var cached = JsonNode.Parse(File.ReadAllText(Path.Combine(esper.Home, "cache", "mitigations.json")))!;
        Assert.Equal("block-5m", (string)cached["items"]![0]!["id"]!);
    }
}
