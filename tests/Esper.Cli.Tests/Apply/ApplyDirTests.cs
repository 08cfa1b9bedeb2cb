using System.Text.Json.Nodes;
using Esper.Cli.Resources;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Apply;

public sealed class ApplyDirTests
{
    [Fact]
    public async Task Apply_dir_creates_a_generated_set_in_dependency_order_after_printing_the_plan()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);

        var result = await cli.RunAsync("policy", "apply", "--dir", dir);

        Assert.Equal(0, result.ExitCode);
        var creates = api.Calls.Where(c => c.StartsWith("create", StringComparison.Ordinal)).ToList();
        Assert.Equal(["create action login", "create entity login-actor", "create mitigation block-10m", "create policy login-burst"], creates);
        var planAt = result.Output.IndexOf("Plan: 4 to create, 0 to update, 0 unchanged.", StringComparison.Ordinal);
        var firstStepAt = result.Output.IndexOf("[1/4] created action login", StringComparison.Ordinal);
        Assert.True(planAt >= 0 && firstStepAt > planAt, result.Output);
        Assert.Contains("[4/4] created policy login-burst", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_the_same_set_again_changes_nothing()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        await cli.RunAsync("policy", "apply", "--dir", dir);
        api.Calls.Clear();

        var again = await cli.RunAsync("policy", "apply", "--dir", dir, "--output", "json");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(4, again.Json["summary"]!["unchanged"]!.GetValue<int>());
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("create", StringComparison.Ordinal) || c.StartsWith("replace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_file_is_planned_as_an_update_and_sent_with_if_match()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        await cli.RunAsync("policy", "apply", "--dir", dir);
        var file = Path.Combine(dir, "policies", "login-burst.json");
        var policy = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        policy["clauses"]![0]!["window"]!["threshold"] = 10;
        await File.WriteAllTextAsync(file, policy.ToJsonString());
        api.Calls.Clear();

        var result = await cli.RunAsync("policy", "apply", "--dir", dir, "-o", "json");

        var update = result.Json["plan"]!.AsArray().Single(p => p!["action"]!.GetValue<string>() == "update")!;
        Assert.Equal("login-burst", update["id"]!.GetValue<string>());
        Assert.Equal("""["clauses"]""", update["changes"]!.ToJsonString());
        Assert.Contains(api.Calls, c => c.StartsWith("replace policy login-burst if-match \"", StringComparison.Ordinal));
        Assert.Equal(10, api.Stored(ResourceKind.Policy, "login-burst")!["clauses"]![0]!["window"]!["threshold"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_changes_nothing()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);

        var result = await cli.RunAsync("policy", "apply", "--dir", dir, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("create", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_reference_names_the_file_and_field_and_nothing_is_applied()
    {
        var api = new InMemoryEsperApi();
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        File.Delete(Path.Combine(dir, "mitigations", "block-10m.json"));

        var result = await cli.RunAsync("policy", "apply", "--dir", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("login-burst.json: clauses[0].mitigation_id: no mitigation 'block-10m' in this set or in Esper", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Calls, c => c.StartsWith("create", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_part_way_says_which_items_were_applied()
    {
        var api = new InMemoryEsperApi { FailWritesOf = ResourceKind.Policy };
        using var cli = await Workspaces.InitialisedAsync(api);
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);

        var result = await cli.RunAsync("policy", "apply", "--dir", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("login-burst.json: create policy failed: Esper answered 400", result.Error, StringComparison.Ordinal);
        Assert.Contains("already applied: created action 'login', created entity 'login-actor', created mitigation 'block-10m'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_with_one_id_are_refused()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        File.Copy(Path.Combine(dir, "actions", "login.json"), Path.Combine(dir, "actions", "login-copy.json"));

        var result = await cli.RunAsync("policy", "apply", "--dir", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("action id 'login' is also defined in", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_outside_the_kind_folders_is_refused()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "stray.json"), "{}");

        var result = await cli.RunAsync("policy", "apply", "--dir", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stray.json: cannot tell its kind", result.Error, StringComparison.Ordinal);
    }
}
