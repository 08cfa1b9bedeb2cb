using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Runtime;

public sealed class DecisionLookupTests
{
    [Fact]
    public async Task A_decision_is_read_back_by_its_id_with_event_matches_and_reason()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        await client.PostAsync("/api/v1/policies", Scenario.AlwaysPolicy("watch", "monitor"));
        var body = """{"request":{"method":"POST","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0","headers":{"authorization":"Bearer secret-token","x-trace":"t1"},"cookies":{"session":"s3cr3t"}}}""";
        var decision = await client.PostAsync("/api/v1/runtime/mitigation", body);
        var id = decision.Str("decision_id");

        var found = await client.GetAsync($"/api/v1/decisions/{id}");

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(id, found.Str("decision_id"));
        Assert.Equal(decision.Str("reason"), found.Str("reason"));
        Assert.Equal("allow", found.Str("action"));
        var match = Assert.Single(found.Body.GetProperty("matches").EnumerateArray());
        Assert.Equal("watch", match.GetProperty("policy_id").GetString());
        var ev = found.Body.GetProperty("event");
        Assert.Equal("/login", ev.GetProperty("path").GetString());
        Assert.Equal("t1", ev.GetProperty("headers").GetProperty("x-trace").GetString());
        Assert.Equal("[redacted]", ev.GetProperty("headers").GetProperty("authorization").GetString());
        Assert.Equal("[redacted]", ev.GetProperty("cookies").GetProperty("session").GetString());
        Assert.DoesNotContain("secret-token", found.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", found.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_decision_id_is_a_404_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.GetAsync("/api/v1/decisions/dec_00000000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Runtime_keys_cannot_read_decisions()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        var key = await admin.PostAsync("/api/v1/api-keys", """{"name":"edge","scope":"runtime"}""");
        using var runtime = host.Client(key.Str("secret"));
        var decision = await runtime.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        var result = await runtime.GetAsync($"/api/v1/decisions/{decision.Str("decision_id")}");

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
    }
}
