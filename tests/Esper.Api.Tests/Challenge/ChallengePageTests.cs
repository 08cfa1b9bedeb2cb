using Esper.Api.Challenge;
using Esper.Core.Resources;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengePageTests
{
    private static readonly ChallengeSettings Settings = new() { TurnstileSiteKey = "site-\"key", TurnstileSecretKey = "s" };

    [Fact]
    public void Proof_of_work_page_is_self_contained_and_accessible()
    {
        var page = ChallengePage.Render(Session(ChallengeProviders.ProofOfWork), Settings, "n0nce");

        Assert.DoesNotContain("src=", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Html, StringComparison.Ordinal);
        Assert.Contains("<noscript>", page.Html, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-difficulty=\"8\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("crypto.subtle.digest('SHA-256'", page.Html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'; script-src 'nonce-n0nce';", page.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://shop.example;", page.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.InRange(page.Html.Length, 1, 8192);
    }

    [Fact]
    public void Turnstile_page_loads_only_cloudflares_widget_and_encodes_the_site_key()
    {
        var page = ChallengePage.Render(Session(ChallengeProviders.Turnstile), Settings, "n0nce");

        Assert.Contains("src=\"https://challenges.cloudflare.com/turnstile/v0/api.js\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-sitekey=\"site-&quot;key\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<noscript>", page.Html, StringComparison.Ordinal);
        Assert.Contains("frame-src https://challenges.cloudflare.com", page.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_page_encodes_its_text()
    {
        var page = ChallengePage.RenderMessage("Oops", "<script>alert(1)</script>", "/challenge/a\"b", "n");

        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/challenge/a&quot;b\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", page.Html, StringComparison.Ordinal);
    }

    private static ChallengeSession Session(string provider) => new()
    {
        Id = "dDE.abc",
        TenantId = "t1",
        EntityKey = "ek1",
        Provider = provider,
        ReturnUrl = "https://shop.example/",
        ReturnOrigin = "https://shop.example",
        PowChallenge = new string('a', 64),
        Difficulty = 8,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = DateTimeOffset.UnixEpoch.AddMinutes(10),
    };
}
