using Esper.Cli.Resources;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Apply;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Show_as_json_then_apply_of_that_file_is_unchanged()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        await cli.RunAsync("mitigation", "create", "--template", "challenge");

        var show = await cli.RunAsync("mitigation", "show", "challenge", "--output", "json");
        var backup = cli.Write("backup.json", show.Output);
        var apply = await cli.RunAsync("mitigation", "apply", "--file", backup, "-o", "json");

        Assert.Equal(0, apply.ExitCode);
        Assert.Equal("unchanged", apply.Json["plan"]![0]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_of_a_backup_restores_a_changed_resource()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        await cli.RunAsync("policy", "create", "--template", "monitor");
        var backup = cli.Write("backup.json", (await cli.RunAsync("policy", "show", "observe-login", "-o", "json")).Output);
        var changed = cli.Write("changed.json", """{"id":"observe-login","name":"Observe logins","status":"dry_run","clauses":[{"mitigation_id":"monitor"}]}""");
        await cli.RunAsync("policy", "update", "--file", changed);

        var restore = await cli.RunAsync("policy", "apply", "--file", backup);

        Assert.Equal(0, restore.ExitCode);
        Assert.Equal("active", api.Stored(ResourceKind.Policy, "observe-login")!["status"]!.GetValue<string>());
        Assert.Equal("request.path == \"/login\"", api.Stored(ResourceKind.Policy, "observe-login")!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_file_without_id_creates()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var file = cli.Write("a.json", """{"name":"Checkout","expression":"request.path == \"/checkout\""}""");

        var result = await cli.RunAsync("action", "apply", "--file", file, "-o", "json");

        Assert.Equal("create", result.Json["plan"]![0]!["action"]!.GetValue<string>());
        Assert.Contains(api.Calls, c => c == "create action ");
    }
}
