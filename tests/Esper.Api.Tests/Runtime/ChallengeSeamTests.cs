using Esper.Api.Runtime;
using Esper.Api.Tests.Support;
using Esper.Core.Engine;
using Esper.Core.Fields;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Api.Tests.Runtime;

public sealed class ChallengeSeamTests
{
    private const string Event = """{"return_url":"https://app.example.com/login","request":{"method":"GET","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0"}}""";

    [Fact]
    public async Task Challenge_decision_asks_the_registered_issuer_for_the_redirect_url()
    {
        var issuer = new RecordingIssuer();
        using var harness = new ApiHarness(extraServices: s => s.AddSingleton<IChallengeIssuer>(issuer));
        await SetUpChallengeAsync(harness);

        var (_, body, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        Assert.Equal("challenge", body.GetProperty("action").GetString());
        Assert.Equal("https://challenge.example/c/" + body.GetProperty("decision_id").GetString(), body.GetProperty("redirect_url").GetString());
        var request = Assert.Single(issuer.Requests);
        Assert.Equal("https://app.example.com/login", request.ReturnUrl);
        Assert.Equal("verify", request.MitigationId);
        Assert.Equal("default", request.TenantId);
    }

    [Fact]
    public async Task A_verified_pass_turns_the_challenge_into_allow()
    {
        using var harness = new ApiHarness(extraServices: s => s.AddSingleton<IChallengeIssuer, AlwaysPassed>());
        await SetUpChallengeAsync(harness);

        var (_, body, _) = await harness.SendAsync("POST", "/api/v1/runtime/mitigation", Event);

        Assert.Equal("allow", body.GetProperty("action").GetString());
        Assert.True(body.GetProperty("matches")[0].GetProperty("waived").GetBoolean());
    }

    private static async Task SetUpChallengeAsync(ApiHarness harness)
    {
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/mitigations", """{"id":"verify","name":"Verify","mode":"challenge"}""")).Status);
        Assert.Equal(201, (await harness.SendAsync("POST", "/api/v1/policies", """{"id":"c","name":"Check","clauses":[{"mitigation_id":"verify"}]}""")).Status);
    }

    private sealed class RecordingIssuer : IChallengeIssuer
    {
        public List<ChallengeRequest> Requests { get; } = [];

        public ValueTask<string?> IssueAsync(ChallengeRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.FromResult<string?>("https://challenge.example/c/" + request.DecisionId);
        }
    }

    private sealed class AlwaysPassed : IChallengeIssuer
    {
        public ValueTask<string?> IssueAsync(ChallengeRequest request, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

        public FinishOptions ReadPass(string tenantId, RuntimeEvent runtimeEvent, IEnumerable<string> entityKeys) => new() { ChallengePassed = true };
    }
}
