using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Access;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task Created_key_shows_its_secret_once_and_listing_never_does()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var created = await client.PostAsync("/api/v1/api-keys", """{"name":"Web app production","scope":"runtime","trust_level":"internal"}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var secret = created.Str("secret");
        Assert.StartsWith("esk_default_", secret, StringComparison.Ordinal);
        Assert.Equal("internal", created.Str("trust_level"));
        var list = await client.GetAsync("/api/v1/api-keys");
        Assert.DoesNotContain(secret, list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", list.Text, StringComparison.Ordinal);
        Assert.Contains(list.Body.GetProperty("items").EnumerateArray(), k => k.GetProperty("id").GetString() == created.Str("id"));
        Assert.DoesNotContain(secret, (await client.GetAsync($"/api/v1/api-keys/{created.Str("id")}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runtime_key_decides_but_gets_403_on_admin_endpoints()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        var secret = (await admin.PostAsync("/api/v1/api-keys", """{"name":"edge","scope":"runtime"}""")).Str("secret");
        using var runtime = host.Client(secret);

        Assert.Equal(HttpStatusCode.OK, (await runtime.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await runtime.PostAsync("/api/v1/beacon/event", Scenario.Event())).Status);
        var forbidden = await runtime.GetAsync("/api/v1/policies");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal("application/problem+json", forbidden.ContentType);
        Assert.Equal(HttpStatusCode.Forbidden, (await runtime.PostAsync("/api/v1/api-keys", """{"name":"x"}""")).Status);
    }

    [Fact]
    public async Task Revoked_key_gets_401()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();
        var created = await admin.PostAsync("/api/v1/api-keys", """{"name":"temp","scope":"admin"}""");
        using var temp = host.Client(created.Str("secret"));
        Assert.Equal(HttpStatusCode.OK, (await temp.GetAsync("/api/v1/policies")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{created.Str("id")}")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await temp.GetAsync("/api/v1/policies")).Status);
        var listed = await admin.GetAsync($"/api/v1/api-keys/{created.Str("id")}");
        Assert.Equal(System.Text.Json.JsonValueKind.String, listed.Body.GetProperty("revoked_at").ValueKind);
    }

    [Fact]
    public async Task Missing_and_unknown_keys_get_401_problems()
    {
        using var host = EsperHost.Start();
        using var anonymous = host.Client(key: null);
        using var unknown = host.Client("esk_default_doesnotexist");

        var missing = await anonymous.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());
        var wrong = await unknown.GetAsync("/api/v1/policies");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("application/problem+json", missing.ContentType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
    }

    [Fact]
    public async Task Unknown_scope_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var admin = host.Client();

        var result = await admin.PostAsync("/api/v1/api-keys", """{"name":"x","scope":"root"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("scope", result.Str("field"));
    }
}
