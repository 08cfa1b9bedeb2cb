using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

/// <summary>Decisions say what the integration should fix: ignored keys and a challenge that could not start.</summary>
public sealed class DecisionWarningsTests
{
    [Fact]
    public async Task Unknown_keys_of_the_nested_shape_are_reported_as_warnings()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/runtime/mitigation", """{"request":{"path":"/","clientip":"203.0.113.1"},"fileds":{"plan":"pro"}}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var warnings = result.Body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("'fileds'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'request.clientip'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_body_has_no_warnings()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.False(result.Body.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task A_challenge_without_redirect_url_names_the_missing_setting()
    {
        // The local host defaults ESPER_PUBLIC_URL to its own URL and admits loopback return origins; a deployed host
        // has neither, and a challenge mitigation without allowed origins then cannot send the visitor back.
        using var host = EsperHost.Start(settings: new Dictionary<string, string> { ["ESPER_CHALLENGE_ALLOW_LOOPBACK"] = "false" });
        using var client = host.Client();
        await client.PostAsync("/api/v1/mitigations", Scenario.ChallengeMitigation);
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("check", "verify"));

        var decision = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal("challenge", decision.Str("action"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, decision.Body.GetProperty("redirect_url").ValueKind);
        Assert.Contains("challenge.allowed_origins", decision.Str("redirect_url_error"), StringComparison.Ordinal);
        Assert.Contains(decision.Body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("challenge.allowed_origins", StringComparison.Ordinal));
    }
}
