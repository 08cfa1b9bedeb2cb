namespace Esper.Api.Tests.Operators;

public sealed class RoleTests
{
    private const string Mitigation = """{"id":"block-5m","name":"Block","mode":"block","duration_seconds":300}""";

    [Fact]
    public async Task Viewer_reads_config_and_results_but_cannot_change_config_or_see_keys()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("vera", "Viewer");

        Assert.Equal(200, (await harness.AsUserAsync("vera", "GET", "/api/v1/mitigations")).Status);
        Assert.Equal(200, (await harness.AsUserAsync("vera", "GET", "/api/v1/results/policies")).Status);
        Assert.Equal(200, (await harness.AsUserAsync("vera", "GET", "/api/v1/audit")).Status);
        Assert.Equal(403, (await harness.AsUserAsync("vera", "POST", "/api/v1/mitigations", Mitigation)).Status);
        Assert.Equal(403, (await harness.AsUserAsync("vera", "GET", "/api/v1/api-keys")).Status);
        Assert.Equal(403, (await harness.AsUserAsync("vera", "POST", "/api/v1/expressions/validate", """{"expression":"true"}""")).Status);
    }

    [Fact]
    public async Task Analyst_also_checks_expressions_but_cannot_change_config()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("ann", "Analyst");

        var check = await harness.AsUserAsync("ann", "POST", "/api/v1/expressions/validate", """{"expression":"request.path == \"/\""}""");
        var write = await harness.AsUserAsync("ann", "POST", "/api/v1/mitigations", Mitigation);

        Assert.NotEqual(403, check.Status);
        Assert.NotEqual(401, check.Status);
        Assert.Equal(403, write.Status);
    }

    [Fact]
    public async Task Admin_changes_config_and_makes_runtime_keys_but_not_admin_keys_or_memberships()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("adam", "Admin");

        var config = await harness.AsUserAsync("adam", "POST", "/api/v1/mitigations", Mitigation);
        var runtimeKey = await harness.AsUserAsync("adam", "POST", "/api/v1/api-keys", """{"name":"web","scope":"runtime"}""");
        var adminKey = await harness.AsUserAsync("adam", "POST", "/api/v1/api-keys", """{"name":"root","scope":"admin"}""");
        var member = await harness.AsUserAsync("adam", "POST", "/api/v1/tenants/default/memberships", """{"user_id":"eve","role":"Owner"}""");

        Assert.Equal(201, config.Status);
        Assert.Equal(201, runtimeKey.Status);
        Assert.Equal(403, adminKey.Status);
        Assert.Equal(403, member.Status);
    }

    [Fact]
    public async Task Owner_manages_memberships_and_makes_admin_keys()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("olga", "Owner");

        var member = await harness.AsUserAsync("olga", "POST", "/api/v1/tenants/default/memberships", """{"user_id":"adam","role":"Admin"}""");
        var adminKey = await harness.AsUserAsync("olga", "POST", "/api/v1/api-keys", """{"name":"root","scope":"admin"}""");

        Assert.Equal(200, member.Status);
        Assert.Equal(201, adminKey.Status);
    }

    [Fact]
    public async Task Runtime_key_cannot_manage_memberships()
    {
        using var harness = new OperatorHarness();
        var key = await harness.Api.SendAsync("POST", "/api/v1/api-keys", """{"name":"web","scope":"runtime"}""");

        var result = await harness.Api.SendAsync("GET", "/api/v1/tenants/default/memberships", key: key.Body.GetProperty("secret").GetString());

        Assert.Equal(403, result.Status);
    }
}
