using Esper.Testing;

namespace Esper.Connectors.Testing;

/// <summary>
/// The built Esper host started as its own process (<see cref="Esper.Testing.EsperHostProcess"/>) on a free loopback
/// port over a fresh embedded store, as a customer's Esper runs, with the connector suites' admin key and no rate
/// limit. Shared by the connector test projects; <see cref="Stop"/> kills it.
/// </summary>
internal sealed class EsperHostProcess(Esper.Testing.EsperHostProcess process) : IDisposable
{
    public const string AdminKey = "esk_default_connectortestadminkey";

    public Uri BaseAddress => process.BaseAddress;

    /// <summary>Everything the host printed, for assertions on its start-up log.</summary>
    public IReadOnlyCollection<string> Output => process.Output;

    public static async Task<EsperHostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        return new(await Esper.Testing.EsperHostProcess.StartAsync(new HostProcessStart { AdminKey = AdminKey, Settings = all }));
    }

    public static int FreePort() => LoopbackPort.Free();

    public static string RepositoryRoot() => Esper.Testing.RepositoryRoot.Path;

    /// <summary>Kills the host (SIGKILL): Esper is now unreachable at <see cref="BaseAddress"/>.</summary>
    public void Stop() => process.Kill();

    public void Dispose() => process.Dispose();
}
