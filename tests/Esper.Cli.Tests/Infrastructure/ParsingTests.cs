using Esper.Cli.Infrastructure;
using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Infrastructure;

public sealed class ParsingTests
{
    [Fact]
    public async Task An_unknown_command_exits_1_with_one_line_on_standard_error()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("policy", "lst");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_exits_1()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("policy", "list", "--colour");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("colour", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_format_other_than_table_or_json_exits_1()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("profile", "list", "--output", "yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--output must be table or json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_has_help()
    {
        using var cli = new CliHarness();

        var root = await cli.RunAsync("--help");
        var create = await cli.RunAsync("policy", "create", "--help");

        Assert.Equal(0, root.ExitCode);
        foreach (var command in new[] { "init", "profile", "auth", "keys", "action", "entity", "mitigation", "policy", "templates", "results", "audit" })
        {
            Assert.Contains(command, root.Output, StringComparison.Ordinal);
        }

        Assert.Contains("--key-field", (await cli.RunAsync("entity", "create", "--help")).Output, StringComparison.Ordinal);
        Assert.Contains("--mitigation <MITIGATION>", create.Output, StringComparison.Ordinal);
        Assert.Contains("--output <FORMAT>", create.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_package_version_without_the_source_revision()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CliApp.Version, result.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", CliApp.Version);
        Assert.DoesNotContain('+', CliApp.Version);
    }

    [Fact]
    public void Global_options_before_the_command_move_after_it()
    {
        Assert.Equal(["policy", "list", "--output", "json", "--profile=prod"], ArgumentOrder.Normalize(["--output", "json", "--profile=prod", "policy", "list"]));
        Assert.Equal(["policy", "list", "-o", "json"], ArgumentOrder.Normalize(["policy", "list", "-o", "json"]));
    }

    [Fact]
    public async Task Unreachable_esper_exits_3()
    {
        using var cli = new CliHarness(new UnreachableApi());
        await cli.RunAsync("init", "--api-base", "http://127.0.0.1:9", "--api-key", Workspaces.Key);

        var result = await cli.RunAsync("policy", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Cannot reach Esper at http://127.0.0.1:9", result.Error, StringComparison.Ordinal);
    }

    private sealed class UnreachableApi : Esper.Cli.Api.IEsperApiFactory
    {
        public Esper.Cli.Api.IEsperApi Create(Esper.Cli.Workspace.Connection connection) =>
            throw new UnreachableException(connection.ApiBase.ToString().TrimEnd('/'), "connection refused");
    }
}
