namespace Esper.Cli.Tests.Support;

/// <summary>Common set-up: an initialised workspace with an admin key for the in-memory API.</summary>
internal static class Workspaces
{
    public static readonly string Key = "esk_default_" + new string('d', 48);

    public static async Task<CliHarness> InitialisedAsync(InMemoryEsperApi api)
    {
        var cli = new CliHarness(api);
        var result = await cli.RunAsync("init", "--api-base", "http://127.0.0.1:8080", "--api-key", Key);
        Assert.Equal(0, result.ExitCode);
        return cli;
    }
}
