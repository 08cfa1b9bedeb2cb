namespace Esper.Api.Tests.Operators;

public sealed class MembershipTests
{
    [Fact]
    public async Task Post_creates_then_updates_a_membership_and_get_lists_it()
    {
        using var harness = new OperatorHarness();

        var created = await harness.Api.SendAsync("POST", "/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Viewer"}""");
        harness.Api.Time.Advance(TimeSpan.FromMinutes(1));
        var updated = await harness.Api.SendAsync("POST", "/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Analyst"}""");
        var list = await harness.Api.SendAsync("GET", "/api/v1/tenants/default/memberships");

        Assert.Equal(200, created.Status);
        Assert.Equal("Analyst", updated.Body.GetProperty("role").GetString());
        Assert.NotEqual(updated.Body.GetProperty("created_at").GetString(), updated.Body.GetProperty("updated_at").GetString());
        var only = Assert.Single(list.Body.GetProperty("items").EnumerateArray());
        Assert.Equal("alice", only.GetProperty("user_id").GetString());
        Assert.Equal("Analyst", only.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Unknown_role_or_field_is_a_400_naming_it()
    {
        using var harness = new OperatorHarness();

        var role = await harness.Api.SendAsync("POST", "/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"God"}""");
        var field = await harness.Api.SendAsync("POST", "/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Viewer","admin":true}""");

        Assert.Equal(400, role.Status);
        Assert.Contains("role", role.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(400, field.Status);
        Assert.Contains("admin", field.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_owner_can_be_neither_removed_nor_demoted_until_another_owner_exists()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Owner");

        var remove = await harness.AsUserAsync("alice", "DELETE", "/api/v1/tenants/default/memberships/alice");
        var demote = await harness.Api.SendAsync("POST", "/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Admin"}""");
        await harness.AsUserAsync("alice", "POST", "/api/v1/tenants/default/memberships", """{"user_id":"bob","role":"Owner"}""");
        var removeNow = await harness.AsUserAsync("bob", "DELETE", "/api/v1/tenants/default/memberships/alice");

        Assert.Equal(409, remove.Status);
        Assert.Equal(409, demote.Status);
        Assert.Equal(204, removeNow.Status);
        Assert.Equal(403, (await harness.AsUserAsync("alice", "GET", "/api/v1/policies")).Status);
    }

    [Fact]
    public async Task Removing_someone_who_is_not_a_member_is_404()
    {
        using var harness = new OperatorHarness();

        var result = await harness.Api.SendAsync("DELETE", "/api/v1/tenants/default/memberships/nobody");

        Assert.Equal(404, result.Status);
    }

    [Fact]
    public async Task Api_key_acts_only_in_its_own_tenant()
    {
        using var harness = new OperatorHarness();

        var other = await harness.Api.SendAsync("GET", "/api/v1/tenants/acme/memberships");

        Assert.Equal(403, other.Status);
    }

    [Fact]
    public async Task Token_naming_another_tenant_in_the_header_than_in_the_path_is_403()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Owner");

        var result = await harness.AsUserAsync("alice", "GET", "/api/v1/tenants/default/memberships", tenant: "acme");

        Assert.Equal(403, result.Status);
    }

    [Fact]
    public async Task Changes_are_audited_with_the_acting_user_or_key_and_reads_are_not()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("alice", "Owner");
        await harness.AsUserAsync("alice", "POST", "/api/v1/tenants/default/memberships", """{"user_id":"bob","role":"Viewer"}""");
        await harness.AsUserAsync("alice", "GET", "/api/v1/tenants/default/memberships");
        await harness.AsUserAsync("alice", "DELETE", "/api/v1/tenants/default/memberships/bob");

        var audit = await harness.Api.SendAsync("GET", "/api/v1/audit");

        var memberships = audit.Body.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("resource").GetString() == "membership").ToList();
        Assert.Equal(3, memberships.Count);
        var byKey = memberships.Single(e => e.GetProperty("resource_id").GetString() == "alice");
        Assert.StartsWith("key_", byKey.GetProperty("key_id").GetString(), StringComparison.Ordinal);
        Assert.False(byKey.TryGetProperty("user_id", out _));
        var byUser = memberships.Where(e => e.GetProperty("resource_id").GetString() == "bob").ToList();
        Assert.All(byUser, e => Assert.Equal("alice", e.GetProperty("user_id").GetString()));
        Assert.All(byUser, e => Assert.False(e.TryGetProperty("key_id", out _)));
        Assert.Contains(byUser, e => e.GetProperty("change").GetString() == "removed (Viewer)");
    }
}
