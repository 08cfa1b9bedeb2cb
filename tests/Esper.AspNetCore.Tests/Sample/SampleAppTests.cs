using System.Net;
using System.Text.Json;
using Esper.Connectors.Testing;

namespace Esper.AspNetCore.Tests.Sample;

/// <summary>The acceptance flows through the Heroku sample app, over real sockets, against a real Esper host.</summary>
public sealed class SampleAppTests(EsperAndSampleFixture fixture) : IClassFixture<EsperAndSampleFixture>
{
    [Fact]
    public async Task Five_logins_answer_200_and_the_sixth_403_with_a_problem()
    {
        using var browser = fixture.App.Browser("203.0.113.20");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last?.Dispose();
            last = await browser.PostAsync(new Uri("/login", UriKind.Relative), null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal("urn:esper:problem:blocked", problem.RootElement.GetProperty("type").GetString());
        Assert.StartsWith("dec_", problem.RootElement.GetProperty("decision_id").GetString(), StringComparison.Ordinal);
        last.Dispose();

        // Another client is not affected by this one's block.
        using var other = fixture.App.Browser("203.0.113.21");
        using var fine = await other.PostAsync(new Uri("/login", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task A_browser_is_challenged_returns_through_the_proof_with_the_pass_and_is_not_challenged_again()
    {
        using var browser = fixture.App.Browser("203.0.113.30");
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        // 1. Challenged: 302 to Esper's challenge page, which works.
        using var challenged = await browser.GetAsync(new Uri("/account?tab=orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, challenged.StatusCode);
        var page = challenged.Headers.Location!;
        Assert.StartsWith(fixture.Esper.BaseAddress + "challenge/", page.ToString(), StringComparison.Ordinal);
        var html = await browser.GetStringAsync(page);

        // 2. Solved on Esper: 303 back to the app with the proof.
        var nonce = ProofOfWorkSolver.SolvePage(html);
        using var solved = await browser.PostAsync(new Uri(page + "/solve"), new FormUrlEncodedContent([new("nonce", nonce)]));
        Assert.Equal(HttpStatusCode.SeeOther, solved.StatusCode);
        var back = solved.Headers.Location!;
        Assert.Contains("esper_challenge_proof=", back.Query, StringComparison.Ordinal);

        // 3. The app spends the proof: pass cookie set, redirect to the clean URL.
        using var returned = await browser.GetAsync(back);
        Assert.Equal(HttpStatusCode.Found, returned.StatusCode);
        Assert.Equal(new Uri(fixture.App.BaseAddress, "/account?tab=orders"), returned.Headers.Location);
        var cookie = Assert.Single(returned.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("esper_challenge=v1.", cookie, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", cookie, StringComparison.Ordinal);

        // 4. With the pass, the next request is not challenged.
        using var next = new HttpRequestMessage(HttpMethod.Get, "/account?tab=orders");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var allowed = await browser.SendAsync(next);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("Your account?tab=orders", await allowed.Content.ReadAsStringAsync());

        // 5. The same proof cannot be spent twice: no second pass.
        using var replayed = await browser.GetAsync(back);
        Assert.Equal(HttpStatusCode.Found, replayed.StatusCode);
        Assert.False(replayed.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_api_client_gets_a_403_problem_carrying_the_challenge_page()
    {
        using var api = fixture.App.Browser("203.0.113.40", "api-client/1.0");
        api.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var response = await api.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:esper:problem:challenge", problem.RootElement.GetProperty("type").GetString());
        Assert.StartsWith(fixture.Esper.BaseAddress + "challenge/", problem.RootElement.GetProperty("redirect_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_endpoints_and_allowed_requests_reach_the_app()
    {
        using var browser = fixture.App.Browser("203.0.113.50");

        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var health = await browser.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void The_local_host_logs_its_challenge_defaults()
    {
        Assert.Contains(fixture.Esper.Output, line => line.Contains("ESPER_PUBLIC_URL is not set; challenge pages are served at " + fixture.Esper.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal));
        Assert.Contains(fixture.Esper.Output, line => line.Contains("loopback origins", StringComparison.Ordinal));
    }
}
