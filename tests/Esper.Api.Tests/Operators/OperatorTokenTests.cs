using Esper.Api.Tests.Support;

namespace Esper.Api.Tests.Operators;

public sealed class OperatorTokenTests
{
    [Fact]
    public async Task Member_with_a_valid_token_reads_the_tenant_it_names()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Viewer");

        var policies = await harness.AsUserAsync("alice", "GET", "/api/v1/policies");

        Assert.Equal(200, policies.Status);
        Assert.True(policies.Body.TryGetProperty("items", out _));
    }

    [Fact]
    public async Task Expired_token_is_401_but_a_token_within_the_clock_skew_still_works()
    {
        using var harness = new OperatorHarness(o => o.OperatorAuth.ClockSkew = TimeSpan.FromSeconds(30));
        await harness.AddMemberAsync("alice", "Viewer");
        var token = harness.Token("alice", TimeSpan.FromMinutes(1));

        harness.Api.Time.Advance(TimeSpan.FromSeconds(80));
        var withinSkew = await harness.WithTokenAsync(token, "GET", "/api/v1/policies");
        harness.Api.Time.Advance(TimeSpan.FromSeconds(20));
        var expired = await harness.WithTokenAsync(token, "GET", "/api/v1/policies");

        Assert.Equal(200, withinSkew.Status);
        Assert.Equal(401, expired.Status);
        Assert.Equal("application/problem+json", expired.Raw.ContentType);
    }

    [Fact]
    public async Task Token_signed_with_another_secret_or_tampered_is_401()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Owner");
        var forged = harness.Token("alice", secret: "another-secret-that-is-also-32-characters");
        var good = harness.Token("alice");
        var parts = good.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}x.{parts[2]}";

        Assert.Equal(401, (await harness.WithTokenAsync(forged, "GET", "/api/v1/policies")).Status);
        Assert.Equal(401, (await harness.WithTokenAsync(tampered, "GET", "/api/v1/policies")).Status);
        Assert.Equal(200, (await harness.WithTokenAsync(good, "GET", "/api/v1/policies")).Status);
    }

    [Fact]
    public async Task Tokens_are_refused_while_operator_sign_in_is_off()
    {
        using var harness = new ApiHarness();
        var token = Esper.Api.Operators.DevTokens.Create(OperatorHarness.DevSecret, "alice", harness.Time.GetUtcNow(), TimeSpan.FromMinutes(5));

        var result = await harness.SendAsync("GET", "/api/v1/policies", key: null,
            extraHeaders: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token, ["x-esper-tenant"] = "default" });

        Assert.Equal(401, result.Status);
    }

    [Fact]
    public async Task Valid_token_of_a_non_member_or_without_a_tenant_is_403()
    {
        using var harness = new OperatorHarness();

        var stranger = await harness.AsUserAsync("mallory", "GET", "/api/v1/policies");
        await harness.AddMemberAsync("alice", "Owner");
        var noTenant = await harness.AsUserAsync("alice", "GET", "/api/v1/policies", tenant: null);

        Assert.Equal(403, stranger.Status);
        Assert.Equal(403, noTenant.Status);
    }

    [Fact]
    public async Task Runtime_endpoints_take_api_keys_not_operator_tokens()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Owner");

        var decision = await harness.AsUserAsync("alice", "POST", "/api/v1/runtime/mitigation", """{"request":{"path":"/"}}""");

        Assert.Equal(401, decision.Status);
    }
}
