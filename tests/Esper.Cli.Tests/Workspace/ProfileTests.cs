using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Workspace;

public sealed class ProfileTests
{
    [Fact]
    public async Task Profile_use_switches_the_profile_later_commands_address()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--tenant-id", "dev");
        await cli.RunAsync("profile", "add", "prod", "--api-base", "https://api.esperr.com", "--tenant-id", "prod-tenant");

        var before = await cli.RunAsync("profile", "show", "--output", "json");
        var use = await cli.RunAsync("profile", "use", "prod");
        var after = await cli.RunAsync("profile", "show", "--output", "json");

        Assert.Equal("dev", before.Json["tenant_id"]!.GetValue<string>());
        Assert.Equal(0, use.ExitCode);
        Assert.Equal("prod", after.Json["name"]!.GetValue<string>());
        Assert.Equal("https://api.esperr.com", after.Json["api_base"]!.GetValue<string>());
    }

    [Fact]
    public async Task Profile_list_marks_the_current_profile_and_never_prints_a_secret()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", "esk_default_" + new string('1', 48));
        await cli.RunAsync("profile", "add", "staging", "--api-base", "https://staging.example", "--api-key", "esk_staging_" + new string('2', 48));

        var table = await cli.RunAsync("profile", "list");
        var json = await cli.RunAsync("--output", "json", "profile", "list");

        Assert.Contains("* default", table.Output, StringComparison.Ordinal);
        Assert.Contains("  staging", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("esk_", table.Output + json.Output, StringComparison.Ordinal);
        Assert.Equal(2, json.Json.AsArray().Count);
        Assert.Equal("staging", json.Json[1]!["tenant_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Profile_use_of_an_unknown_profile_names_the_known_ones()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080");

        var result = await cli.RunAsync("profile", "use", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No profile 'nope'; known: default", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Esper_home_moves_the_whole_workspace()
    {
        using var cli = new CliHarness();
        var elsewhere = Path.Combine(cli.Home, "elsewhere");
        cli.With("ESPER_HOME", elsewhere);

        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080");

        Assert.True(File.Exists(Path.Combine(elsewhere, "config.yaml")));
        Assert.False(File.Exists(Path.Combine(cli.Home, "config.yaml")));
    }
}
