using Esper.Api.Challenge;
using Esper.Api.Runtime;
using Esper.Core.Fields;
using Esper.Core.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeIssuerTests : IDisposable
{
    private readonly ChallengeFixture _f = new();

    [Fact]
    public async Task A_challenge_creates_a_session_and_answers_its_page_under_the_public_url()
    {
        var start = await Issuer().StartAsync(Request(returnUrl: "https://shop.example/cart?x=1"), default);

        Assert.Null(start.Error);
        Assert.Equal($"https://esper.example/challenge/{start.SessionId}", start.RedirectUrl);
        var (session, _) = (await _f.Sessions.GetAsync(start.SessionId!, default))!.Value;
        Assert.Equal("t1", session.TenantId);
        Assert.Equal("ek1", session.EntityKey);
        Assert.Equal(ChallengeProviders.ProofOfWork, session.Provider);
        Assert.Equal("https://shop.example/cart?x=1", session.ReturnUrl);
        Assert.Equal(8, session.Difficulty);
        Assert.Equal(_f.Time.GetUtcNow() + _f.Settings.SessionLifetime, session.ExpiresAt);
    }

    [Fact]
    public async Task Without_a_return_url_the_template_is_used_with_the_request_path()
    {
        var start = await Issuer().StartAsync(Request(returnUrl: null, template: "https://shop.example{path}", path: "/cart?x=1"), default);

        var (session, _) = (await _f.Sessions.GetAsync(start.SessionId!, default))!.Value;
        Assert.Equal("https://shop.example/cart?x=1", session.ReturnUrl);
    }

    [Fact]
    public async Task A_path_return_url_is_placed_on_the_allowed_origin_named_by_the_host_header()
    {
        var mitigation = Mitigation(allowed: ["https://a.example", "https://b.example"]);

        var start = await Issuer().StartAsync(Request(returnUrl: "/back", mitigation: mitigation, host: "b.example"), default);

        Assert.Equal("https://b.example/back", (await _f.Sessions.GetAsync(start.SessionId!, default))!.Value.Session.ReturnUrl);
    }

    [Fact]
    public async Task A_return_url_outside_the_allowed_origins_starts_no_challenge()
    {
        var start = await Issuer().StartAsync(Request(returnUrl: "https://evil.example/"), default);

        Assert.Null(start.RedirectUrl);
        Assert.Contains("not in the tenant's allowed challenge origins", start.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_public_url_no_challenge_is_started()
    {
        var settings = new ChallengeSettings { Keys = _f.Settings.Keys };

        var start = await new ChallengeIssuer(_f.Sessions, settings, _f.Time, NullLogger<ChallengeIssuer>.Instance).StartAsync(Request(returnUrl: "https://shop.example/"), default);

        Assert.Contains("ESPER_PUBLIC_URL", start.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_challenge_that_cannot_start_warns_once_a_minute_and_counts_the_decisions_in_between()
    {
        var logger = new ListLogger<ChallengeIssuer>();
        var issuer = new ChallengeIssuer(_f.Sessions, new ChallengeSettings { Keys = _f.Settings.Keys }, _f.Time, logger);

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await issuer.IssueAsync(Request(returnUrl: "https://shop.example/"), default));
        }

        _f.Time.Advance(ChallengeIssuer.WarningInterval);
        Assert.Null(await issuer.IssueAsync(Request(returnUrl: "https://shop.example/"), default));

        var warnings = logger.Entries.Where(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("ESPER_PUBLIC_URL", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("(0 more since the last warning)", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("(4 more since the last warning)", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turnstile_mitigation_without_turnstile_keys_starts_no_challenge()
    {
        var start = await Issuer().StartAsync(Request(returnUrl: "https://shop.example/", mitigation: Mitigation(provider: ChallengeProviders.Turnstile)), default);

        Assert.Contains("ESPER_TURNSTILE_SITE_KEY", start.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_pass_cookie_earns_a_waiver_for_its_entity_key()
    {
        var pass = await PassAsync();

        var options = Issuer().ReadPass("t1", Event(cookies: new() { ["esper_challenge"] = pass }), ["ek0", "ek1"]);

        Assert.True(options.ChallengePassed);
        Assert.Equal(["ek1"], options.ChallengePassEntityKeys);
    }

    [Fact]
    public async Task A_valid_pass_header_in_the_request_context_counts_like_the_cookie()
    {
        var pass = await PassAsync();

        Assert.True(Issuer().ReadPass("t1", Event(headers: new() { ["X-Esper-Challenge-Pass"] = pass }), ["ek1"]).ChallengePassed);
    }

    [Fact]
    public async Task A_pass_earns_nothing_for_another_tenant_another_entity_or_after_it_expired()
    {
        var pass = await PassAsync();
        var ev = Event(cookies: new() { ["esper_challenge"] = pass });

        Assert.False(Issuer().ReadPass("t2", ev, ["ek1"]).ChallengePassed);
        Assert.False(Issuer().ReadPass("t1", ev, ["ek2"]).ChallengePassed);
        _f.Time.Advance(_f.Settings.PassLifetime);
        Assert.False(Issuer().ReadPass("t1", ev, ["ek1"]).ChallengePassed);
    }

    [Fact]
    public void A_proof_or_garbage_in_the_cookie_earns_nothing()
    {
        Assert.False(Issuer().ReadPass("t1", Event(cookies: new() { ["esper_challenge"] = _f.IssueProof() }), ["ek1"]).ChallengePassed);
        Assert.False(Issuer().ReadPass("t1", Event(cookies: new() { ["esper_challenge"] = "garbage" }), ["ek1"]).ChallengePassed);
    }

    public void Dispose() => _f.Dispose();

    private ChallengeIssuer Issuer() => new(_f.Sessions, _f.Settings, _f.Time, NullLogger<ChallengeIssuer>.Instance);

    private async Task<string> PassAsync() => (await _f.Verifier.VerifyAsync("t1", _f.IssueProof(), null, default)).Pass!;

    private static MitigationDefinition Mitigation(string provider = ChallengeProviders.ProofOfWork, string? template = null, List<string>? allowed = null) => new()
    {
        Id = "verify",
        Name = "Verify",
        Mode = MitigationModes.Challenge,
        Challenge = new ChallengeOptions { Provider = provider, ReturnUrlTemplate = template, AllowedOrigins = allowed ?? ["https://shop.example"] },
    };

    private static RuntimeEvent Event(string? returnUrl = null, string? path = null, string? host = null, Dictionary<string, string>? cookies = null, Dictionary<string, string>? headers = null)
    {
        headers ??= [];
        if (host is not null)
        {
            headers["host"] = host;
        }

        return new RuntimeEvent { ReturnUrl = returnUrl, Path = path, Headers = headers, Cookies = cookies ?? [] };
    }

    private ChallengeRequest Request(string? returnUrl, string? template = null, string? path = null, string? host = null, MitigationDefinition? mitigation = null)
    {
        mitigation ??= Mitigation(template: template);
        return new ChallengeRequest("t1", "dec_1", "gate", mitigation.Id, mitigation.Challenge!.Provider, returnUrl, new Dictionary<string, string> { ["ip-user-agent"] = "ek1" }, _f.Time.GetUtcNow())
        {
            Mitigation = mitigation,
            EntityKey = "ek1",
            Event = Event(returnUrl, path, host),
        };
    }
}
