using Esper.Testing;

namespace Esper.Host.Tests.Support;

/// <summary>
/// The built host as its own process (<see cref="EsperHostProcess"/>) on a free loopback port, the way a user runs
/// it, with this suite's admin key and a client over it. Killing it is a SIGKILL.
/// </summary>
internal sealed class HostProcess(EsperHostProcess process) : IDisposable
{
    public Uri BaseAddress => process.BaseAddress;

    public static async Task<HostProcess> StartAsync(string dataDir, string adminKey = EsperHost.AdminKey) =>
        new(await EsperHostProcess.StartAsync(new HostProcessStart { DataDir = dataDir, AdminKey = adminKey }));

    public EsperClient Client(string? key = EsperHost.AdminKey) => new(new HttpClient { BaseAddress = BaseAddress }, key);

    /// <summary>SIGKILL: no shutdown hooks run, nothing is flushed.</summary>
    public void Kill() => process.Kill();

    public void Dispose() => process.Dispose();
}
