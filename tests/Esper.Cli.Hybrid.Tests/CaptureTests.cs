using System.Globalization;
using System.Text.Json;
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

    [Fact]
    public async Task Capture_follows_a_connection_past_a_chunked_body_and_reports_a_hybrid_key_that_names_an_active_block()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: false);
        var (origin, esper) = (workspace.Origin, workspace.Esper);
        JsonElement blocked = default;
        for (var i = 0; i < 6; i++)
        {
            blocked = await origin.PostAsync("/api/v1/runtime/mitigation", Traffic.Event("192.0.2.66"));
        }

        var hybridKey = blocked.GetProperty("hybrid_key").GetString()!;
        using var app = await TestServerProcess.StartAsync(esper);
        var port = app.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);
        using var capture = await CaptureProcess.StartAsync(esper, "--test", "--stats", "--sync-interval-seconds", "1", "--filter", $"tcp dst port {port}");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = app.BaseAddress };

        // One keep-alive connection: a chunked upload, then a request with the hybrid key, then one more.
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new StreamContent(new MemoryStream(new byte[5000])) })
        {
            upload.Headers.TransferEncodingChunked = true;
            using var uploaded = await client.SendAsync(upload);
            uploaded.EnsureSuccessStatusCode();
        }

        using (var keyed = new HttpRequestMessage(HttpMethod.Get, "/with-key"))
        {
            keyed.Headers.Add("X-Esper-Hybrid-Key", hybridKey);
            using var answered = await client.SendAsync(keyed);
            answered.EnsureSuccessStatusCode();
        }

        using (var last = await client.GetAsync("/last"))
        {
            last.EnsureSuccessStatusCode();
        }

        await Wait.UntilAsync(async () => await Traffic.OriginCountAsync(origin) >= 9, TimeSpan.FromSeconds(60), "origin to record its six decisions and the three captured requests");
        var exit = await capture.TerminateAsync();

        Assert.Equal("block", blocked.GetProperty("action").GetString());
        Assert.Equal(0, exit);
        Assert.Equal(9, await Traffic.OriginCountAsync(origin));
        Assert.Contains("GET /with-key from 127.0.0.1 carries the X-Esper-Hybrid-Key of an active block", capture.Output, StringComparison.Ordinal);
        Assert.Contains("requests=3 forwarded=3 enforced=0 hybrid_key_blocks=1", capture.Output, StringComparison.Ordinal);
    }
}
