using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Challenge;

/// <summary>
/// Saving a challenge mitigation that cannot start a challenge on this runtime answers the write with the reasons,
/// in the words a challenge decision's redirect_url_error uses; the warnings are never stored. (A missing
/// ESPER_PUBLIC_URL cannot happen on the local host, which defaults it to its own URL: ChallengeReadinessTests.)
/// </summary>
public sealed class ChallengeWriteWarningsTests
{
    private static readonly Dictionary<string, string> Ready = new()
    {
        ["ESPER_PUBLIC_URL"] = "https://esper.example",
        ["ESPER_CHALLENGE_KEYS"] = "k1:" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(static i => (byte)(i * 7)).ToArray()),
    };

    /// <summary>The local host admits loopback return origins by default; a deployed one does not.</summary>
    private static readonly Dictionary<string, string> NoLoopback = new() { ["ESPER_CHALLENGE_ALLOW_LOOPBACK"] = "false" };

    [Fact]
    public async Task Creating_a_challenge_mitigation_with_no_allowed_origin_warns_with_the_decisions_words()
    {
        using var host = EsperHost.Start(settings: NoLoopback);
        using var client = host.Client();

        var created = await client.PostAsync("/api/v1/mitigations", Scenario.ChallengeMitigation);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("check", "verify"));
        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("challenge", decision.Str("action"));
        Assert.Contains("challenge.allowed_origins", decision.Str("redirect_url_error"), StringComparison.Ordinal);
        var warnings = Warnings(created);
        Assert.Contains(warnings, w => w.EndsWith(decision.Str("redirect_url_error"), StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("ESPER_CHALLENGE_KEYS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Patching_a_mitigation_into_challenge_mode_warns_and_a_read_carries_no_warnings()
    {
        using var host = EsperHost.Start(settings: NoLoopback);
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", """{"id":"later","name":"Later","mode":"monitor"}""");

        var patched = await client.PatchAsync("/api/v1/mitigations/later", """{"mode":"challenge"}""");
        var read = await client.GetAsync("/api/v1/mitigations/later");

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Contains(Warnings(patched), w => w.Contains("challenge.allowed_origins", StringComparison.Ordinal));
        Assert.False(read.Body.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task A_write_answer_with_warnings_is_not_accepted_back_as_a_body()
    {
        using var host = EsperHost.Start(settings: NoLoopback);
        using var client = host.Client();
        var created = await client.PostAsync("/api/v1/mitigations", Scenario.ChallengeMitigation);

        var replaced = await client.PutAsync("/api/v1/mitigations/verify", created.Text);

        Assert.Equal(HttpStatusCode.BadRequest, replaced.Status);
        Assert.Equal("warnings", replaced.Str("field"));
    }

    [Fact]
    public async Task A_challenge_mitigation_that_can_start_and_other_modes_answer_without_warnings()
    {
        using var host = EsperHost.Start(settings: Ready);
        using var client = host.Client();

        var ready = await client.PostAsync("/api/v1/mitigations", """{"id":"ok","name":"Ok","mode":"challenge","challenge":{"allowed_origins":["https://shop.example"]}}""");
        var monitor = await client.PostAsync("/api/v1/mitigations", """{"id":"watch","name":"Watch","mode":"monitor"}""");

        Assert.Equal(HttpStatusCode.Created, ready.Status);
        Assert.False(ready.Body.TryGetProperty("warnings", out _), ready.Text);
        Assert.False(monitor.Body.TryGetProperty("warnings", out _), monitor.Text);
    }

    [Fact]
    public async Task A_disabled_provider_is_named_in_the_warning()
    {
        using var host = EsperHost.Start(settings: new Dictionary<string, string>(Ready) { ["ESPER_POW_DIFFICULTY"] = "0" });
        using var client = host.Client();

        var created = await client.PostAsync("/api/v1/mitigations", """{"id":"pow","name":"Pow","mode":"challenge","challenge":{"allowed_origins":["https://shop.example"]}}""");

        Assert.Equal(["challenge cannot start as configured: proof-of-work is disabled on this runtime (ESPER_POW_DIFFICULTY is 0)"], Warnings(created));
    }

    private static List<string> Warnings(ApiResult result) =>
        result.Body.TryGetProperty("warnings", out var warnings)
            ? [.. warnings.EnumerateArray().Select(static w => w.GetString()!)]
            : [];
}
