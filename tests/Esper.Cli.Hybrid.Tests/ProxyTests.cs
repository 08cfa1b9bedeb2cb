using System.Net;
using System.Text.Json;
using Esper.Cli.Hybrid.Tests.Support;
using Esper.Testing;

namespace Esper.Cli.Hybrid.Tests;

public sealed class ProxyTests
{
    [Fact]
    public async Task Proxy_forwards_allowed_requests_drops_a_blocked_one_with_403_and_reports_each_decision_to_origin()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: true);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);
        using var app = await TestServerProcess.StartAsync(esper);
        var proxyUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var daemon = await DaemonProcess.StartAsync(esper, key, 1, "--proxy", $"{proxyUrl}={app.BaseAddress}");
        using var client = new HttpClient { BaseAddress = new Uri(proxyUrl) };
        var readyCalls = 1; // TestServerProcess asked the app once to see it was up.

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await GetAsync(client, "/login", "burst-client/1.0"));
        }

        var other = await GetAsync(client, "/home", "other-client/1.0");

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(5 + readyCalls, Served(answers[4].Body));
        Assert.Equal(HttpStatusCode.Forbidden, answers[5].Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(6 + readyCalls, Served(other.Body));
        var stats = await daemon.StatsAsync();
        Assert.Equal(6, stats.GetProperty("proxied").GetInt64());
        Assert.Equal(1, stats.GetProperty("proxy_blocked").GetInt64());
        await Wait.UntilAsync(async () => await Traffic.OriginCountAsync(origin) >= 7, TimeSpan.FromSeconds(60), "origin to record the proxy's seven decisions");
        Assert.Equal(7, await Traffic.OriginCountAsync(origin));
    }

    [Fact]
    public async Task Proxy_drops_a_request_whose_hybrid_key_names_a_block_decided_at_origin()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: false);
        var (origin, key, esper) = (workspace.Origin, workspace.RuntimeKey, workspace.Esper);
        using var app = await TestServerProcess.StartAsync(esper);
        var proxyUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var daemon = await DaemonProcess.StartAsync(esper, key, 1, "--proxy", $"{proxyUrl}={app.BaseAddress}");
        using var client = new HttpClient { BaseAddress = new Uri(proxyUrl) };

        JsonElement blocked = default;
        for (var i = 0; i < 6; i++)
        {
            blocked = await origin.PostAsync("/api/v1/runtime/mitigation", Traffic.Event("192.0.2.77"));
        }

        var hybridKey = blocked.GetProperty("hybrid_key").GetString()!;
        var before = await GetAsync(client, "/", "fresh-client/1.0", hybridKey: "hk_not_a_known_key");
        await Wait.UntilAsync(async () => (await daemon.StatsAsync()).GetProperty("mitigations_applied").GetInt64() > 0, TimeSpan.FromSeconds(30), "the daemon to apply origin's block");
        var withKey = await GetAsync(client, "/", "fresh-client/1.0", hybridKey);
        var withoutKey = await GetAsync(client, "/", "fresh-client/1.0");

        Assert.Equal("block", blocked.GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Forbidden, withKey.Status);
        Assert.Equal(HttpStatusCode.OK, withoutKey.Status);
    }

    [Fact]
    public async Task Proxies_listed_in_runtime_xml_written_by_init_each_enforce_in_front_of_their_app_and_count_apart()
    {
        using var workspace = await ConnectedWorkspace.StartAsync(sync: true);
        var (key, esper) = (workspace.RuntimeKey, workspace.Esper);
        using var app = await TestServerProcess.StartAsync(esper);
        var runtimeXml = Path.Combine(esper.Home, "runtime.xml");
        var written = await File.ReadAllTextAsync(runtimeXml);
        var first = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var second = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var proxies = $"<proxy><listen>{first}</listen><upstream>{app.BaseAddress}</upstream></proxy>" +
            $"<proxy><listen>{second}</listen><upstream>{app.BaseAddress}</upstream></proxy>";
        await File.WriteAllTextAsync(runtimeXml, written.Replace("</runtime>", proxies + "</runtime>", StringComparison.Ordinal));
        using var daemon = await DaemonProcess.StartAsync(esper, key);
        using var firstClient = new HttpClient { BaseAddress = new Uri(first) };
        using var secondClient = new HttpClient { BaseAddress = new Uri(second) };

        // Six from one client through the first proxy: the burst policy blocks the sixth there.
        var viaFirst = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            viaFirst.Add((await GetAsync(firstClient, "/one", "runtime-xml-client/1.0")).Status);
        }

        var viaSecond = await GetAsync(secondClient, "/two", "runtime-xml-client/2.0");
        var stats = await daemon.StatsAsync();
        var perProxy = stats.GetProperty("proxies").EnumerateArray()
            .Select(static p => $"{p.GetProperty("listen").GetString()} {p.GetProperty("proxied").GetInt64()}/{p.GetProperty("blocked").GetInt64()}")
            .ToList();

        Assert.Contains("<!-- Enforcing proxies", written, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.Forbidden], viaFirst);
        Assert.Equal(HttpStatusCode.OK, viaSecond.Status);
        Assert.Equal("/two", JsonDocument.Parse(viaSecond.Body).RootElement.GetProperty("path").GetString());
        Assert.Equal([$"{first} 5/1", $"{second} 1/0"], perProxy);
        Assert.Equal(6, stats.GetProperty("proxied").GetInt64());
        Assert.Equal(1, stats.GetProperty("proxy_blocked").GetInt64());
    }

    [Fact]
    public async Task Run_refuses_a_bad_proxy_element_naming_the_file_and_the_element()
    {
        var esper = new EsperTool(Paths.TempDirectory());
        Assert.Equal(0, (await esper.RunAsync("init", "--api-base", "http://127.0.0.1:9", "--api-key", "esk_default_0123456789abcdef0123456789abcdef0123456789abcdef")).ExitCode);
        var runtimeXml = Path.Combine(esper.Home, "runtime.xml");
        await File.WriteAllTextAsync(runtimeXml, "<runtime><proxy><listen>http://192.0.2.1:8080</listen><upstream>http://127.0.0.1:3000</upstream></proxy></runtime>");

        var (exitCode, _, error) = await esper.RunAsync("run");

        Assert.Equal(1, exitCode);
        Assert.Contains(runtimeXml, error, StringComparison.Ordinal);
        Assert.Contains("<proxy> #1: the listen side must be an http:// loopback address", error, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string userAgent, string? hybridKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (hybridKey is not null)
        {
            request.Headers.Add("X-Esper-Hybrid-Key", hybridKey);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static long Served(string body) => JsonDocument.Parse(body).RootElement.GetProperty("served").GetInt64();
}
