using Esper.Api.Challenge;
using Esper.Core.Resources;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeStatusCheckerTests : IDisposable
{
    private readonly TurnstileStandIn _cloudflare = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task Green_when_the_runtime_is_configured_and_every_challenge_mitigation_can_run()
    {
        var status = await Checker(Configured()).CheckAsync([Challenge("pow", ChallengeProviders.ProofOfWork), Challenge("ts", ChallengeProviders.Turnstile)], default);

        Assert.True(status.Ok, string.Join("; ", status.Reasons));
        Assert.All(status.Mitigations, m => Assert.True(m.Ok));
        Assert.True(status.Runtime.Turnstile.Ok);
    }

    [Fact]
    public async Task Red_when_the_tenant_has_no_enabled_challenge_mitigation()
    {
        var disabled = Challenge("off", ChallengeProviders.ProofOfWork);
        disabled.Enabled = false;
        var block = new MitigationDefinition { Id = "b", Name = "B", Mode = MitigationModes.Block };

        var status = await Checker(Configured()).CheckAsync([disabled, block], default);

        Assert.False(status.Ok);
        Assert.Contains("no enabled challenge mitigations", Assert.Single(status.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Red_when_turnstile_keys_are_missing_for_a_turnstile_mitigation()
    {
        var settings = new ChallengeSettings { PublicUrl = new Uri("https://esper.example"), Keys = ChallengeKeyRing.FromKeys([ChallengeFixture.KeyA]) };

        var status = await Checker(settings).CheckAsync([Challenge("ts", ChallengeProviders.Turnstile)], default);

        Assert.False(status.Ok);
        Assert.Contains("ESPER_TURNSTILE_SITE_KEY", Assert.Single(Assert.Single(status.Mitigations).Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Red_when_cloudflare_rejects_the_secret()
    {
        _cloudflare.Answer = """{"success":false,"error-codes":["invalid-input-secret"]}""";

        var status = await Checker(Configured()).CheckAsync([Challenge("ts", ChallengeProviders.Turnstile)], default);

        Assert.False(status.Runtime.Turnstile.Ok);
        Assert.Contains("rejected ESPER_TURNSTILE_SECRET_KEY", status.Runtime.Turnstile.Detail, StringComparison.Ordinal);
        Assert.False(status.Ok);
    }

    [Fact]
    public async Task Red_when_a_mitigation_has_no_origin_to_return_to_or_a_bad_one()
    {
        var none = Challenge("none", ChallengeProviders.ProofOfWork, origins: []);
        var bad = Challenge("bad", ChallengeProviders.ProofOfWork, origins: ["https://shop.example/path"]);

        var status = await Checker(Configured()).CheckAsync([none, bad], default);

        Assert.Contains("no allowed return origin", status.Mitigations[0].Reasons[0], StringComparison.Ordinal);
        Assert.Contains(status.Mitigations[1].Reasons, r => r.Contains("'https://shop.example/path'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Red_without_public_url_or_with_an_ephemeral_signing_key()
    {
        var status = await Checker(new ChallengeSettings()).CheckAsync([Challenge("pow", ChallengeProviders.ProofOfWork)], default);

        Assert.False(status.Runtime.PublicUrl.Ok);
        Assert.False(status.Runtime.SigningKeys.Ok);
        Assert.Equal(2, status.Reasons.Count);
    }

    public void Dispose()
    {
        _http.Dispose();
        _cloudflare.Dispose();
    }

    private ChallengeSettings Configured() => new()
    {
        PublicUrl = new Uri("https://esper.example"),
        Keys = ChallengeKeyRing.FromKeys([ChallengeFixture.KeyA]),
        TurnstileSiteKey = "site",
        TurnstileSecretKey = "secret",
        TurnstileVerifyUrl = _cloudflare.Url,
    };

    private ChallengeStatusChecker Checker(ChallengeSettings settings) => new(settings, new TurnstileClient(_http, settings));

    private static MitigationDefinition Challenge(string id, string provider, List<string>? origins = null) => new()
    {
        Id = id,
        Name = id,
        Mode = MitigationModes.Challenge,
        Challenge = new ChallengeOptions { Provider = provider, AllowedOrigins = origins ?? ["https://shop.example"] },
    };
}
