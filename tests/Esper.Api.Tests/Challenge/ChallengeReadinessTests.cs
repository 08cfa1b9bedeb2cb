using Esper.Api.Challenge;
using Esper.Core.Resources;

namespace Esper.Api.Tests.Challenge;

/// <summary>What a challenge mitigation's write warns about: each missing piece a challenge needs, and nothing else.</summary>
public sealed class ChallengeReadinessTests
{
    private static MitigationDefinition Challenge(params string[] origins) => new()
    {
        Id = "verify",
        Name = "Verify",
        Mode = MitigationModes.Challenge,
        Challenge = new ChallengeOptions { AllowedOrigins = [.. origins] },
    };

    [Fact]
    public void A_runtime_without_public_url_warns_with_the_decisions_words()
    {
        var settings = new ChallengeSettings { Keys = ChallengeFixture.DefaultSettings().Keys };

        var warnings = ChallengeReadiness.Warnings(Challenge("https://shop.example"), settings);

        Assert.Equal(["challenge cannot start as configured: " + ChallengeReadiness.NoPublicUrl], warnings);
    }

    [Fact]
    public void Every_missing_piece_is_named_at_once()
    {
        var settings = new ChallengeSettings { ProofOfWorkDifficulty = 0 };

        var warnings = ChallengeReadiness.Warnings(Challenge(), settings);

        Assert.Collection(
            warnings,
            w => Assert.Contains("ESPER_PUBLIC_URL", w, StringComparison.Ordinal),
            w => Assert.Contains("ESPER_POW_DIFFICULTY", w, StringComparison.Ordinal),
            w => Assert.Contains("challenge.allowed_origins", w, StringComparison.Ordinal),
            w => Assert.Contains("ESPER_CHALLENGE_KEYS", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_ready_runtime_and_a_non_challenge_mitigation_warn_about_nothing()
    {
        var ready = ChallengeFixture.DefaultSettings();
        var block = new MitigationDefinition { Id = "b", Name = "B", Mode = MitigationModes.Block };
        var disabled = Challenge();
        disabled.Enabled = false;

        Assert.Empty(ChallengeReadiness.Warnings(Challenge("https://shop.example"), ready));
        Assert.Empty(ChallengeReadiness.Warnings(block, new ChallengeSettings()));
        Assert.Empty(ChallengeReadiness.Warnings(disabled, new ChallengeSettings()));
    }
}
