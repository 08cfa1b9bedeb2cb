using System.Net;
using System.Net.Http.Headers;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Operators;

public sealed class OperatorSignInTests
{
    [Fact]
    public async Task Token_signed_by_a_key_of_the_jwks_signs_an_owner_in_over_a_real_socket()
    {
        using var idp = new JwksServer();
        using var host = StartWith(idp);
        using var admin = host.Client();
        using var anonymous = host.Client(key: null);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Owner"}""")).Status);
        var token = idp.Token("alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(10));

        var added = await anonymous.SendAsync(HttpMethod.Post, "/api/v1/tenants/default/memberships", """{"user_id":"bob","role":"Viewer"}""", configure: Bearer(token));
        var forged = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/tenants/default/memberships", null,
            configure: Bearer(idp.Token("alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(10), JwksServer.NewKey("k1"))));
        host.Time.Advance(TimeSpan.FromMinutes(12));
        var expired = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/tenants/default/memberships", null, configure: Bearer(token));

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("Viewer", added.Body.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("application/problem+json", expired.ContentType);
    }

    [Fact]
    public async Task Provider_key_rotation_is_picked_up_without_a_restart()
    {
        using var idp = new JwksServer();
        using var host = StartWith(idp);
        using var admin = host.Client();
        using var anonymous = host.Client(key: null);
        await admin.PostAsync("/api/v1/tenants/default/memberships", """{"user_id":"alice","role":"Viewer"}""");
        var before = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: Operator(idp.Token("alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(10))));

        idp.Rotate("k2");
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var after = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: Operator(idp.Token("alice", host.Time.GetUtcNow(), TimeSpan.FromMinutes(10))));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(2, idp.Fetches);
    }

    private static EsperHost StartWith(JwksServer idp) => EsperHost.Start(settings: new Dictionary<string, string>
    {
        ["ESPER_JWT_ISSUER"] = JwksServer.Issuer,
        ["ESPER_JWT_AUDIENCE"] = JwksServer.Audience,
        ["ESPER_JWT_JWKS_URL"] = idp.Url.ToString(),
    });

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private static Action<HttpRequestMessage> Operator(string token) => r =>
    {
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        r.Headers.Add("x-esper-tenant", "default");
    };
}
