using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Workspace;

public sealed class InitTests
{
    private const string Key = "esk_default_0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Init_writes_config_yaml_without_the_secret_and_the_key_to_credentials_with_mode_0600()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key, "--tenant-id", "default");

        Assert.Equal(0, result.ExitCode);
        var yaml = await File.ReadAllTextAsync(Path.Combine(cli.Home, "config.yaml"));
        Assert.Contains("api_base: http://127.0.0.1:8080", yaml, StringComparison.Ordinal);
        Assert.Contains("tenant_id: default", yaml, StringComparison.Ordinal);
        Assert.Contains("current_profile: default", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, yaml, StringComparison.Ordinal);
        var credentials = Path.Combine(cli.Home, "credentials.xml");
        Assert.Contains(Key, await File.ReadAllTextAsync(credentials), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
        }
        Assert.True(Directory.Exists(Path.Combine(cli.Home, "data")));
        Assert.DoesNotContain(Key, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_takes_the_tenant_from_the_key_when_no_tenant_is_given()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key, "--output", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("default", result.Json["tenant_id"]!.GetValue<string>());
        Assert.True(result.Json["api_key_stored"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Init_refuses_a_key_of_another_tenant_than_the_one_named()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key, "--tenant-id", "acme");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("belongs to tenant 'default'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Home, "config.yaml")));
    }

    [Fact]
    public async Task Init_without_api_base_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("init");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--api-base", result.Error, StringComparison.Ordinal);
    }
}
