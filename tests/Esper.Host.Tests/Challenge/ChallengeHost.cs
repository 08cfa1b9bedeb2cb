using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// The real host (Kestrel on a loopback port chosen up front, so ESPER_PUBLIC_URL can name it) over a fresh SQLite
/// file, with a fixed challenge key and a low proof-of-work difficulty so the browser solves in milliseconds.
/// </summary>
internal sealed class ChallengeHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "esk_default_challengetestadminkey";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "esper-challenge-host-tests", Guid.NewGuid().ToString("n"));
    private readonly int _port = ProtectedSite.FreePort();

    private ChallengeHost()
    {
        Directory.CreateDirectory(_dataDir);
    }

    public string PublicUrl => $"http://127.0.0.1:{_port}";

    public static ChallengeHost Start()
    {
        var host = new ChallengeHost();
        host.UseKestrel(host._port);
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ESPER_DATA_DIR", _dataDir);
        builder.UseSetting("ESPER_BOOTSTRAP_ADMIN_KEY", AdminKey);
        builder.UseSetting("ESPER_RATE_LIMIT_PER_MINUTE", "0");
        builder.UseSetting("ESPER_PUBLIC_URL", PublicUrl);
        builder.UseSetting("ESPER_POW_DIFFICULTY", "8");
        builder.UseSetting("ESPER_CHALLENGE_KEYS", "k1:" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray()));
        builder.UseSetting("ESPER_CHALLENGE_PASS_TTL_SECONDS", 1800.ToString(CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }
}
