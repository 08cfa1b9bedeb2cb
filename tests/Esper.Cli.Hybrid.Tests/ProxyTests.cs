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
