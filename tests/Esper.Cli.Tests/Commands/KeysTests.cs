using Esper.Cli.Tests.Support;

namespace Esper.Cli.Tests.Commands;

public sealed class KeysTests
{
    [Fact]
    public async Task Keys_create_shows_the_secret_once_with_the_key()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("keys", "create", "--name", "web app", "--scope", "runtime");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Secret (shown once, store it now): esk_default_", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_create_with_an_unknown_scope_is_a_usage_error()
    {
        using var cli = await Workspaces.InitialisedAsync(new InMemoryEsperApi());

        var result = await cli.RunAsync("keys", "create", "--name", "x", "--scope", "root");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--scope must be runtime or admin", result.Error, StringComparison.Ordinal);
    }
}
