using System.Net;
using System.Text.Json;
using Esper.Client;
using Esper.Client.Guard;
using Esper.Connectors.Testing;

namespace Esper.Lambda.Tests;

public sealed class LambdaGuardTests(EsperHostFixture esper) : IClassFixture<EsperHostFixture>, IAsyncLifetime
{
    private EsperLambdaGuard _guard = null!;

    public async Task InitializeAsync()
    {
        _guard = EsperLambdaGuard.Create(o =>
        {
            o.ApiUrl = esper.BaseAddress;
            o.ApiKey = EsperHostProcess.AdminKey;
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.DecisionTimeout = TimeSpan.FromSeconds(15);
        });
        if (await esper.Admin.Policies.GetAsync("login") is null)
        {
            await Policies.LoginBurstAsync(esper.Admin, "login", "/login");
            await Policies.ChallengeAsync(esper.Admin, "account", "/account", ["https://abc123.execute-api.eu-west-1.amazonaws.com"]);
        }
    }

    public async Task DisposeAsync() => await _guard.DisposeAsync();

    [Fact]
    public async Task Rest_v1_logins_continue_five_times_and_the_sixth_gets_a_403_response()
    {
        var results = new List<EsperLambdaResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await _guard.CheckAsync(Events.RestV1("POST", "/login", "198.51.100.1", "lambda-v1")));
        }

        Assert.All(results.Take(5), r => Assert.True(r.Continue));
        var blocked = results[5];
        Assert.False(blocked.Continue);
        using var response = JsonDocument.Parse(blocked.ResponseJson!);
        Assert.Equal(403, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Contains("urn:esper:problem:blocked", response.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("login", blocked.Verdict.Decision!.PolicyId);
    }

    [Fact]
    public async Task Http_api_v2_browser_is_challenged_spends_the_proof_for_a_pass_cookie_and_then_continues()
    {
        const string ip = "198.51.100.2";
        const string ua = "Mozilla/5.0 (lambda v2)";

        var challenged = await _guard.CheckAsync(Events.HttpApiV2("GET", "/account", "tab=1", ip, ua, "text/html"));
        using var redirect = JsonDocument.Parse(challenged.ResponseJson!);
        Assert.Equal(302, redirect.RootElement.GetProperty("statusCode").GetInt32());
        var page = new Uri(redirect.RootElement.GetProperty("headers").GetProperty("Location").GetString()!);
        Assert.StartsWith(esper.BaseAddress + "challenge/", page.ToString(), StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var nonce = ProofOfWorkSolver.SolvePage(await browser.GetStringAsync(page));
        using var solved = await browser.PostAsync(new Uri(page + "/solve"), new FormUrlEncodedContent([new("nonce", nonce)]));
        Assert.Equal(HttpStatusCode.SeeOther, solved.StatusCode);
        var back = solved.Headers.Location!;
        Assert.Equal("https://abc123.execute-api.eu-west-1.amazonaws.com/account", back.GetLeftPart(UriPartial.Path));

        var returned = await _guard.CheckAsync(Events.HttpApiV2("GET", "/account", back.Query.TrimStart('?'), ip, ua, "text/html"));
        using var pass = JsonDocument.Parse(returned.ResponseJson!);
        Assert.Equal(302, pass.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("https://abc123.execute-api.eu-west-1.amazonaws.com/account?tab=1", pass.RootElement.GetProperty("headers").GetProperty("Location").GetString());
        var cookie = pass.RootElement.GetProperty("cookies")[0].GetString()!;
        Assert.StartsWith("esper_challenge=v1.", cookie, StringComparison.Ordinal);
        Assert.Contains("; Secure", cookie, StringComparison.Ordinal);

        var next = await _guard.CheckAsync(Events.HttpApiV2("GET", "/account", "tab=1", ip, ua, "text/html", cookies: [cookie.Split(';')[0]]));
        Assert.True(next.Continue);
        Assert.Equal(EsperActions.Allow, next.Verdict.Action);
    }

    [Fact]
    public async Task Function_url_api_client_gets_a_403_challenge_problem_and_the_authorization_header_stays_home()
    {
        var result = await _guard.CheckAsync(Events.FunctionUrl("GET", "/account", "198.51.100.3", "curl/8"));

        Assert.False(result.Continue);
        using var response = JsonDocument.Parse(result.ResponseJson!);
        Assert.Equal(403, response.RootElement.GetProperty("statusCode").GetInt32());
        using var problem = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        Assert.Equal("urn:esper:problem:challenge", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(EsperActions.Challenge, result.Verdict.Decision!.Action);
    }

    [Fact]
    public void Rest_v1_events_are_read_with_the_forwarding_rules()
    {
        var read = LambdaEventReader.Read(JsonDocument.Parse(Events.RestV1("GET", "/x", "198.51.100.9", "ua", "sid=abc; esper_challenge=pass")).RootElement, new EsperLambdaOptions(), TimeProvider.System);

        Assert.Equal("198.51.100.9", read.Event.Request.ClientIp);
        Assert.False(read.Event.Request.Headers!.ContainsKey("authorization"));
        Assert.False(read.Event.Request.Headers!.ContainsKey("cookie"));
        Assert.Equal("", read.Event.Request.Cookies!["sid"]);
        Assert.Equal("pass", read.Event.Request.Cookies!["esper_challenge"]);
        Assert.Equal("lambda-rest-api", read.Event.Source);
        Assert.Equal("https://abc123.execute-api.eu-west-1.amazonaws.com/x", read.Event.ReturnUrl);
        Assert.StartsWith("req-", read.Event.Fields!["aws_request_id"], StringComparison.Ordinal);
    }
}
