using Esper.Testing;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// The built host started as its own process (<see cref="EsperHostProcess"/>) on a loopback port chosen up front (so
/// ESPER_PUBLIC_URL can name it), over a fresh SQLite directory, with a fixed challenge key and a low proof-of-work
/// difficulty so the browser solves in milliseconds. A process rather than an in-memory factory: several factories
/// starting at once in one test run can pick up each other's server.
/// </summary>
internal sealed class ChallengeHost(EsperHostProcess process) : IDisposable
{
    public const string AdminKey = "esk_default_challengetestadminkey";

    public string PublicUrl => process.Url;

    public static async Task<ChallengeHost> StartAsync()
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        return new(await EsperHostProcess.StartAsync(new HostProcessStart
        {
            AdminKey = AdminKey,
            Url = url,
            Settings = new Dictionary<string, string>
            {
                ["ESPER_RATE_LIMIT_PER_MINUTE"] = "0",
                ["ESPER_PUBLIC_URL"] = url,
                ["ESPER_POW_DIFFICULTY"] = "8",
                ["ESPER_CHALLENGE_KEYS"] = "k1:" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()),
                ["ESPER_CHALLENGE_PASS_TTL_SECONDS"] = "1800",
            },
        }));
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(PublicUrl) };

    public void Dispose() => process.Dispose();
}
