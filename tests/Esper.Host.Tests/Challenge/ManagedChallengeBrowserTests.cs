using System.Net;
using System.Text.Json.Nodes;
using Esper.Testing;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// The whole managed challenge through the real host over real sockets and headless Chromium: runtime call →
/// challenge → the browser opens redirect_url, solves the proof of work, lands on the site with the proof →
/// verify accepts it once and refuses the replay → the next runtime call carrying the pass is allowed.
/// </summary>
public sealed class ManagedChallengeBrowserTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Visitor_solves_the_proof_of_work_in_a_browser_and_its_pass_turns_the_challenge_into_allow()
    {
        using var site = new ProtectedSite();
        using var host = await ChallengeHost.StartAsync();
        using var api = new ChallengeApi(host.CreateClient());
        await ConfigureChallengeAsync(api, site.Origin);
        var returnUrl = site.Origin + "/landing?item=42";

        var challenged = await api.DecideAsync(returnUrl);
        Assert.Equal("challenge", challenged["action"]!.ToString());
        var redirectUrl = challenged["redirect_url"]!.ToString();
        Assert.StartsWith(host.PublicUrl + "/challenge/", redirectUrl, StringComparison.Ordinal);

        await using var browser = await Chromium.StartAsync();
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 360, height = 640, deviceScaleFactor = 2, mobile = true });
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Page.enable");
        // Hold the page's form submission so the solved page can be photographed before it navigates away.
        await browser.SendAsync("Page.addScriptToEvaluateOnNewDocument", new
        {
            source = "(() => { const submit = HTMLFormElement.prototype.submit; HTMLFormElement.prototype.submit = function () { const form = this; window.__esperRelease = () => submit.call(form); }; })();",
        });
        await browser.SendAsync("Page.navigate", new { url = redirectUrl });

        await browser.WaitForValueAsync("String(typeof window.__esperRelease)", static v => v == "function", BrowserTimeout);
        Assert.Matches("^[0-9]+$", await browser.EvaluateAsync("document.getElementById('nonce').value"));
        Assert.Equal("Done. Taking you back now.", await browser.EvaluateAsync("document.getElementById('status').textContent"));
        Assert.Equal("Checking your browser", await browser.EvaluateAsync("document.title"));
        Assert.Equal("360", await browser.EvaluateAsync("String(document.documentElement.scrollWidth)"));
        await SaveScreenshotAsync(browser);
        await browser.EvaluateAsync("window.__esperRelease()");

        var landed = await browser.WaitForValueAsync("location.href", href => href?.StartsWith(site.Origin, StringComparison.Ordinal) == true, BrowserTimeout);
        Assert.StartsWith(returnUrl + "&esper_challenge_proof=", landed, StringComparison.Ordinal);
        Assert.Equal("Welcome back", await browser.WaitForValueAsync("document.getElementById('landed') && document.getElementById('landed').textContent", v => v == "Welcome back", BrowserTimeout));
        var requested = browser.Events("Network.requestWillBeSent").Select(e => e!["request"]!["url"]!.ToString()).ToList();
        Assert.All(requested, url => Assert.True(url.StartsWith(host.PublicUrl + "/", StringComparison.Ordinal) || url.StartsWith(site.Origin + "/", StringComparison.Ordinal), $"third-party request: {url}"));

        var proof = Uri.UnescapeDataString(landed[(landed.IndexOf("esper_challenge_proof=", StringComparison.Ordinal) + "esper_challenge_proof=".Length)..]);
        var verifyBody = new JsonObject { ["proof"] = proof, ["url"] = landed }.ToJsonString();
        var (verifiedStatus, verified) = await api.PostAsync("/api/v1/challenge/proof/verify", verifyBody);
        Assert.Equal(HttpStatusCode.OK, verifiedStatus);
        Assert.Equal("esper_challenge", verified!["cookie"]!["name"]!.ToString());
        Assert.Equal(1800, verified["max_age"]!.GetValue<long>());
        Assert.Equal("Lax", verified["cookie"]!["same_site"]!.ToString());
        var pass = verified["pass"]!.ToString();

        var (replayStatus, replay) = await api.PostAsync("/api/v1/challenge/proof/verify", verifyBody);
        Assert.Equal(HttpStatusCode.Conflict, replayStatus);
        Assert.Equal("urn:esper:problem:proof-replayed", replay!["type"]!.ToString());

        Assert.Equal("allow", (await api.DecideAsync(returnUrl, pass: pass))["action"]!.ToString());
        Assert.Equal("challenge", (await api.DecideAsync(returnUrl))["action"]!.ToString());
        Assert.Equal("challenge", (await api.DecideAsync(returnUrl, ip: "198.51.100.7", pass: pass))["action"]!.ToString());
    }

    private static async Task ConfigureChallengeAsync(ChallengeApi api, string siteOrigin)
    {
        var (mitigation, body) = await api.PostAsync("/api/v1/mitigations",
            $$$"""{"id":"verify","name":"Verify","mode":"challenge","challenge":{"provider":"proof_of_work","allowed_origins":["{{{siteOrigin}}}"]}}""");
        Assert.True(mitigation == HttpStatusCode.Created, body?.ToJsonString());
        var (policy, policyBody) = await api.PostAsync("/api/v1/policies",
            """{"id":"gate","name":"Gate","status":"active","clauses":[{"entity_id":"ip-user-agent","mitigation_id":"verify"}]}""");
        Assert.True(policy == HttpStatusCode.Created, policyBody?.ToJsonString());
    }

    /// <summary>
    /// Keeps the screenshot with the test output; with ESPER_UPDATE_DOCS_SCREENSHOT=1 it also refreshes
    /// docs/challenge-page.png.
    /// </summary>
    private static async Task SaveScreenshotAsync(Chromium browser)
    {
        var shot = await browser.SendAsync("Page.captureScreenshot", new { format = "png" });
        var png = Convert.FromBase64String(shot!["data"]!.ToString());
        Assert.True(png.Length > 1000);
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "challenge-page.png"), png);
        if (Environment.GetEnvironmentVariable("ESPER_UPDATE_DOCS_SCREENSHOT") == "1")
        {
            Directory.CreateDirectory(RepositoryRoot.Combine("docs"));
            await File.WriteAllBytesAsync(RepositoryRoot.Combine("docs", "challenge-page.png"), png);
        }
    }
}
