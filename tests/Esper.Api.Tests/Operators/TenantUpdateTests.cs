namespace Esper.Api.Tests.Operators;

public sealed class TenantUpdateTests
{
    [Fact]
    public async Task Patch_renames_the_tenant_keeps_its_slug_and_is_audited()
    {
        using var harness = new OperatorHarness();

        var result = await harness.Api.SendAsync("PATCH", "/api/v1/tenants/default", """{"name":"Acme Production"}""");
        var audit = await harness.Api.SendAsync("GET", "/api/v1/audit");

        Assert.Equal(200, result.Status);
        Assert.Equal("Acme Production", result.Body.GetProperty("name").GetString());
        Assert.Equal("default", result.Body.GetProperty("slug").GetString());
        Assert.Contains(audit.Body.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("resource").GetString() == "tenant" && e.GetProperty("change").GetString() == "updated");
    }

    [Fact]
    public async Task Patch_refuses_the_slug_and_needs_the_admin_role()
    {
        using var harness = new OperatorHarness();
        await harness.AddMemberAsync("ann", "Analyst");
        await harness.AddMemberAsync("adam", "Admin");

        var slug = await harness.Api.SendAsync("PATCH", "/api/v1/tenants/default", """{"slug":"other"}""");
        var analyst = await harness.AsUserAsync("ann", "PATCH", "/api/v1/tenants/default", """{"name":"X"}""");
        var admin = await harness.AsUserAsync("adam", "PATCH", "/api/v1/tenants/default", """{"name":"Y"}""");

        Assert.Equal(400, slug.Status);
        Assert.Equal(403, analyst.Status);
        Assert.Equal(200, admin.Status);
    }
}
