using Esper.Client;
using Esper.Connectors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Esper.Client.Tests.Runtime;

public sealed class DecisionTests(EsperHostFixture esper) : IClassFixture<EsperHostFixture>
{
    private static EsperEvent Login(string path, string ip) => new()
    {
        Request = new EsperRequest { Method = "POST", Path = path, ClientIp = ip, UserAgent = "client-tests" },
    };

    [Fact]
    public async Task Sixth_login_in_the_window_is_blocked_with_the_policy_named()
    {
        await Policies.LoginBurstAsync(esper.Admin, "burst-a", "/a/login");

        var actions = new List<string>();
        EsperDecision? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await esper.Admin.DecideAsync(Login("/a/login", "203.0.113.1"));
            actions.Add(last.Action);
        }

        Assert.Equal(["allow", "allow", "allow", "allow", "allow", "block"], actions);
        Assert.Equal("burst-a", last!.PolicyId);
        Assert.Equal("burst-a-block", last.Mitigation?.Id);
        Assert.Equal(6, last.Matches.Single().WindowCount);
        Assert.Equal(403, last.Block?.StatusCode);
        Assert.StartsWith("dec_", last.DecisionId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retried_decision_after_a_timed_out_attempt_is_counted_once()
    {
        await Policies.LoginBurstAsync(esper.Admin, "burst-b", "/b/login", threshold: 1);
        var slow = new SlowFirstAnswerHandler();
        await using var services = ClientFactory.Build(esper.BaseAddress, EsperHostProcess.AdminKey,
            o =>
            {
                // The first attempt never answers; the retry must fit its attempt budget on a busy machine too.
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.DecisionTimeout = TimeSpan.FromSeconds(20);
            },
            s => s.AddHttpClient(EsperHttpClients.Runtime).AddHttpMessageHandler(() => slow));
        var client = services.GetRequiredService<IEsperClient>();

        var decision = await client.DecideAsync(Login("/b/login", "203.0.113.2"));

        Assert.Equal(2, slow.Calls);
        Assert.Equal(slow.Bodies[0], slow.Bodies[1]);
        Assert.Contains("\"idempotency_key\":", slow.Bodies[0], StringComparison.Ordinal);
        Assert.Equal("allow", decision.Action);

        // The next login is the second in the window (the third had the retry been counted too).
        var next = await esper.Admin.DecideAsync(Login("/b/login", "203.0.113.2"));
        Assert.Equal("block", next.Action);
        Assert.Equal(2, next.Matches.Single().WindowCount);
    }

    [Fact]
    public async Task Beacon_counts_a_repeated_idempotency_key_as_a_duplicate()
    {
        var one = Login("/beacon", "203.0.113.3") with { IdempotencyKey = "beacon-" + Guid.NewGuid().ToString("N") };

        var first = await esper.Admin.SendBeaconAsync(one);
        var batch = await esper.Admin.SendBeaconAsync([one, Login("/beacon", "203.0.113.3")]);

        Assert.Equal(new BeaconAccepted(1, 0), first);
        Assert.Equal(new BeaconAccepted(2, 1), batch);
    }

    [Fact]
    public async Task A_malformed_proof_is_refused_with_the_problem_code()
    {
        var ex = await Assert.ThrowsAsync<EsperApiException>(() => esper.Admin.VerifyProofAsync("not-a-proof"));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("proof-malformed", ex.Problem.Code);
        Assert.Equal("proof", ex.Problem.Field);
    }

    [Fact]
    public async Task A_bad_key_surfaces_as_a_401_problem()
    {
        await using var services = ClientFactory.Build(esper.BaseAddress, "esk_default_nosuchkey");
        var client = services.GetRequiredService<IEsperClient>();

        var ex = await Assert.ThrowsAsync<EsperApiException>(() => client.DecideAsync(Login("/x", "203.0.113.4")));

        Assert.Equal(401, ex.StatusCode);
    }
}
