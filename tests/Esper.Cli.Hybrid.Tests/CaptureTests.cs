using System.Globalization;
using Esper.Cli.Hybrid.Tests.Support;

namespace Esper.Cli.Hybrid.Tests;

/// <summary>
/// Capture on lo with libpcap: these run as root in CI (test.sh installs libpcap0.8). When capture cannot run, the
/// start fails with the tool's reason instead of the test passing silently.
/// </summary>
public sealed class CaptureTests
{
    [Fact]
    public async Task Capture_on_lo_sees_a_real_clients_requests_and_prints_them_in_a_dry_run()
    {
        var root = Paths.TempDirectory();
        var esper = new EsperTool(Path.Combine(root, "home"));
        using var app = await TestServerProcess.StartAsync(esper);
        var port = app.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);
        using var capture = await CaptureProcess.StartAsync(esper, "--test", "--dry-run", "--stats", "--filter", $"tcp port {port}");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("capture-test/1.0");

        using (await client.GetAsync("/first?q=1"))
        using (await client.PostAsync("/second", new StringContent("{\"a\":1}")))
        using (await client.GetAsync("/third"))
        {
        }

        await Wait.UntilAsync(() => Task.FromResult(capture.Output.Contains("GET /third", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "capture to print the third request");
        var exit = await capture.TerminateAsync();

        Assert.Equal(0, exit);
        Assert.Contains("GET /first?q=1 from 127.0.0.1", capture.Output, StringComparison.Ordinal);
        Assert.Contains("POST /second from 127.0.0.1", capture.Output, StringComparison.Ordinal);
        Assert.Contains("user-agent=capture-test/1.0", capture.Output, StringComparison.Ordinal);
        Assert.Contains("requests=3 forwarded=0 enforced=0", capture.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capture_forwards_each_request_it_sees_to_origin_once()
    {
        var root = Paths.TempDirectory();
        using var origin = await OriginProcess.StartAsync(Path.Combine(root, "origin"));
        await Traffic.ConfigureAsync(origin);
        var esper = new EsperTool(Path.Combine(root, "home"));
        Assert.Equal(0, (await esper.RunAsync("init", "--api-base", origin.BaseAddress.ToString(), "--api-key", await origin.CreateRuntimeKeyAsync())).ExitCode);
        using var app = await TestServerProcess.StartAsync(esper);
        var port = app.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);
        using var capture = await CaptureProcess.StartAsync(esper, "--test", "--stats", "--sync-interval-seconds", "1", "--filter", $"tcp dst port {port}");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync($"/page/{i}");
            response.EnsureSuccessStatusCode();
        }

        await Wait.UntilAsync(async () => await Traffic.OriginCountAsync(origin) >= 4, TimeSpan.FromSeconds(60), "origin to record the four captured requests");
        var exit = await capture.TerminateAsync();

        Assert.Equal(0, exit);
        Assert.Equal(4, await Traffic.OriginCountAsync(origin));
        Assert.Contains("requests=4 forwarded=4", capture.Output, StringComparison.Ordinal);
    }
}
