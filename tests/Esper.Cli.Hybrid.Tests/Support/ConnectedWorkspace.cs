namespace Esper.Cli.Hybrid.Tests.Support;

/// <summary>
/// A running origin with the tests' policy, one of its runtime keys, and an esper workspace initialised against it
/// (and synced, when asked). Disposing stops origin.
/// </summary>
internal sealed class ConnectedWorkspace : IDisposable
{
    private ConnectedWorkspace(OriginProcess origin, string runtimeKey, EsperTool esper)
    {
        Origin = origin;
        RuntimeKey = runtimeKey;
        Esper = esper;
    }

    public OriginProcess Origin { get; }

    public string RuntimeKey { get; }

    public EsperTool Esper { get; }

    public static async Task<ConnectedWorkspace> StartAsync(bool sync)
    {
        var root = Paths.TempDirectory();
        var origin = await OriginProcess.StartAsync(Path.Combine(root, "origin"));
        try
        {
            await Traffic.ConfigureAsync(origin);
            var key = await origin.CreateRuntimeKeyAsync();
            var esper = new EsperTool(Path.Combine(root, "home"));
            Assert.Equal(0, (await esper.RunAsync("init", "--api-base", origin.BaseAddress.ToString(), "--api-key", key)).ExitCode);
            if (sync)
            {
                Assert.Equal(0, (await esper.RunAsync("sync")).ExitCode);
            }

            return new ConnectedWorkspace(origin, key, esper);
        }
        catch
        {
            origin.Dispose();
            throw;
        }
    }

    public void Dispose() => Origin.Dispose();
}
