namespace Esper.Cli.Tests.EndToEnd;

/// <summary>
/// The built Esper host as its own process (<see cref="Esper.Testing.EsperHostProcess"/>) on the embedded store, on
/// a free loopback port, with a known admin key. Disposing kills it.
/// </summary>
internal sealed class EsperHostProcess(Esper.Testing.EsperHostProcess process) : IDisposable
{
    public static readonly string AdminKey = "esk_default_" + new string('e', 48);

    public Uri BaseAddress => process.BaseAddress;

    public string Url => process.Url;

    public static async Task<EsperHostProcess> StartAsync(string dataDir) =>
        new(await Esper.Testing.EsperHostProcess.StartAsync(new Esper.Testing.HostProcessStart { DataDir = dataDir, AdminKey = AdminKey }));

    public static int FreePort() => Esper.Testing.LoopbackPort.Free();

    public void Dispose() => process.Dispose();
}
