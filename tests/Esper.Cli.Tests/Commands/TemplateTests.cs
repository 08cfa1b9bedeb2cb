using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class TemplateTests
{
    [Fact]
    public async Task Generate_writes_one_starter_file_per_kind()
    {
        using var cli = new CliHarness();
        var dir = Path.Combine(cli.Home, "set");

        var result = await cli.RunAsync("templates", "generate", "--dir", dir, "-o", "json");

        Assert.Equal(0, result.ExitCode);
        foreach (var file in new[] { "actions/login.json", "entities/login-actor.json", "mitigations/block-10m.json", "policies/login-burst.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        Assert.Equal(4, result.Json["files"]!.AsArray().Count);
    }

    [Fact]
    public async Task Generate_keeps_existing_files_unless_forced()
    {
        using var cli = new CliHarness();
        var dir = Path.Combine(cli.Home, "set");
        await cli.RunAsync("templates", "generate", "--dir", dir);
        var action = Path.Combine(dir, "actions", "login.json");
        await File.WriteAllTextAsync(action, "mine");

        var again = await cli.RunAsync("templates", "generate", "--dir", dir);
        var kept = await File.ReadAllTextAsync(action);
        var forced = await cli.RunAsync("templates", "generate", "--dir", dir, "--force");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("mine", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("mine", await File.ReadAllTextAsync(action));
    }

    [Fact]
    public async Task Show_prints_the_template_as_json_and_list_names_every_template()
    {
        using var cli = new CliHarness();

        var show = await cli.RunAsync("templates", "show", "entity", "bot-crawlers");
        var list = await cli.RunAsync("templates", "list", "-o", "json");

        Assert.Equal("has(crawler)", show.Json["match_expression"]!.GetValue<string>());
        var names = list.Json.AsArray().Select(t => $"{t!["kind"]}/{t["name"]}").ToList();
        Assert.Contains("entity/ip-user-agent", names);
        Assert.Contains("entity/bot-crawlers", names);
        Assert.Contains("policy/login-burst", names);
        Assert.Contains("policy/monitor", names);
    }
}
