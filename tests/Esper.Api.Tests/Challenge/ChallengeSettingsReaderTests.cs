using Esper.Api.Challenge;

namespace Esper.Api.Tests.Challenge;

public sealed class ChallengeSettingsReaderTests
{
    [Fact]
    public void Unset_variables_give_the_documented_defaults()
    {
        var settings = ChallengeSettingsReader.Read(_ => null, out var errors)!;

        Assert.Empty(errors);
        Assert.Null(settings.PublicUrl);
        Assert.Equal(14, settings.ProofOfWorkDifficulty);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.ProofLifetime);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.PassLifetime);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.SessionLifetime);
        Assert.Equal(new Uri("https://challenges.cloudflare.com/turnstile/v0/siteverify"), settings.TurnstileVerifyUrl);
        Assert.False(settings.TurnstileConfigured);
        Assert.True(settings.Keys.IsEphemeral);
    }

    [Fact]
    public void Every_variable_is_read()
    {
        var values = new Dictionary<string, string>
        {
            ["ESPER_PUBLIC_URL"] = "https://esper.example/",
            ["ESPER_POW_DIFFICULTY"] = "18",
            ["ESPER_CHALLENGE_KEYS"] = "k1:" + Convert.ToBase64String(new byte[32]),
            ["ESPER_CHALLENGE_PROOF_TTL_SECONDS"] = "60",
            ["ESPER_CHALLENGE_PASS_TTL_SECONDS"] = "600",
            ["ESPER_CHALLENGE_SESSION_TTL_SECONDS"] = "120",
            ["ESPER_TURNSTILE_SITE_KEY"] = "site",
            ["ESPER_TURNSTILE_SECRET_KEY"] = "secret",
            ["ESPER_TURNSTILE_EXPECTED_HOSTNAME"] = "shop.example",
            ["ESPER_TURNSTILE_VERIFY_URL"] = "http://127.0.0.1:9999/siteverify",
        };

        var settings = ChallengeSettingsReader.Read(name => values.GetValueOrDefault(name), out _)!;

        Assert.Equal(new Uri("https://esper.example"), settings.PublicUrl);
        Assert.Equal(18, settings.ProofOfWorkDifficulty);
        Assert.Equal("k1", settings.Keys.Current.Id);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.ProofLifetime);
        Assert.Equal(TimeSpan.FromSeconds(600), settings.PassLifetime);
        Assert.Equal(TimeSpan.FromSeconds(120), settings.SessionLifetime);
        Assert.True(settings.TurnstileConfigured);
        Assert.Equal("shop.example", settings.TurnstileExpectedHostname);
        Assert.Equal(new Uri("http://127.0.0.1:9999/siteverify"), settings.TurnstileVerifyUrl);
    }

    [Fact]
    public void The_anubis_difficulty_name_is_accepted_when_the_pow_name_is_unset()
    {
        var settings = ChallengeSettingsReader.Read(name => name == "ESPER_ANUBIS_DIFFICULTY" ? "12" : null, out _)!;

        Assert.Equal(12, settings.ProofOfWorkDifficulty);
    }

    [Theory]
    [InlineData("ESPER_PUBLIC_URL", "ftp://x")]
    [InlineData("ESPER_POW_DIFFICULTY", "33")]
    [InlineData("ESPER_POW_DIFFICULTY", "-1")]
    [InlineData("ESPER_CHALLENGE_KEYS", "k1:short")]
    [InlineData("ESPER_CHALLENGE_PASS_TTL_SECONDS", "0")]
    [InlineData("ESPER_TURNSTILE_VERIFY_URL", "not a url")]
    public void Invalid_values_are_reported_by_variable_name(string name, string value)
    {
        var settings = ChallengeSettingsReader.Read(n => n == name ? value : null, out var errors);

        Assert.Null(settings);
        Assert.StartsWith(name, Assert.Single(errors), StringComparison.Ordinal);
    }
}
