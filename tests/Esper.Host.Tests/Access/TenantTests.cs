using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Access;

public sealed class TenantTests
{
    private const string Acme = """{"name":"Acme Production","slug":"acme"}""";

    [Fact]
    public async Task Operator_creates_a_tenant_whose_admin_key_works_and_sees_only_its_own_data()
    {
        using var host = EsperHost.Start();
        using var operatorClient = host.Client(key: null);
        using var defaultAdmin = host.Client();
        await defaultAdmin.PostAsync("/api/v1/mitigations", Scenario.BlockMitigation);

        var created = await operatorClient.SendAsync(HttpMethod.Post, "/api/v1/tenants", Acme, configure: Bearer(EsperHost.OperatorToken));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("acme", created.Body.GetProperty("tenant").GetProperty("id").GetString());
        using var acme = host.Client(created.Body.GetProperty("admin_key").GetProperty("secret").GetString());
        var entities = await acme.GetAsync("/api/v1/entities");
        Assert.Equal(2, entities.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync("/api/v1/mitigations/block-5m")).Status);
        Assert.Equal(0, (await acme.GetAsync("/api/v1/mitigations")).Body.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await acme.DeleteAsync("/api/v1/mitigations/block-5m")).Status);
        Assert.Equal(HttpStatusCode.OK, (await defaultAdmin.GetAsync("/api/v1/mitigations/block-5m")).Status);
    }

    [Fact]
    public async Task Wrong_operator_token_gets_401_and_a_taken_slug_409()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);

        var wrong = await client.SendAsync(HttpMethod.Post, "/api/v1/tenants", Acme, configure: Bearer("nope"));
        var first = await client.SendAsync(HttpMethod.Post, "/api/v1/tenants", Acme, configure: Bearer(EsperHost.OperatorToken));
        var again = await client.SendAsync(HttpMethod.Post, "/api/v1/tenants", Acme, configure: Bearer(EsperHost.OperatorToken));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task Tenant_endpoint_is_off_without_an_operator_token()
    {
        using var host = EsperHost.Start(withOperator: false);
        using var client = host.Client(key: null);

        var result = await client.SendAsync(HttpMethod.Post, "/api/v1/tenants", Acme, configure: Bearer("anything"));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }

    [Fact]
    public async Task Invalid_slug_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);

        var result = await client.SendAsync(HttpMethod.Post, "/api/v1/tenants", """{"name":"Bad","slug":"Not A Slug"}""", configure: Bearer(EsperHost.OperatorToken));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("slug", result.Str("field"));
    }

    private static Action<HttpRequestMessage> Bearer(string token) =>
        r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
}
