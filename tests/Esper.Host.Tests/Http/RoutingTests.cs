using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Http;

public sealed class RoutingTests
{
    [Fact]
    public async Task Health_answers_and_ready_checks_the_store()
    {
        using var host = EsperHost.Start();
        using var client = host.Client(key: null);

        var health = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("ok", health.Str("status"));
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("ready", ready.Str("status"));
    }

    [Fact]
    public async Task Unknown_resource_id_gets_404_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.GetAsync("/api/v1/policies/none");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Every_route_is_served_by_the_host()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        foreach (var route in Esper.Api.Http.ApiRoutes.All)
        {
            var path = route.Template.Replace("{id}", "missing", StringComparison.Ordinal);
            var result = await client.SendAsync(new HttpMethod(route.Method), path, route.Method is "POST" or "PUT" or "PATCH" ? "{}" : null);
            Assert.True(result.Status != HttpStatusCode.MethodNotAllowed && (int)result.Status < 500, $"{route.Method} {path}: {(int)result.Status}");
            Assert.False(result.Status == HttpStatusCode.NotFound && result.Text.Length == 0, $"{route.Method} {path} is not mapped");
        }
    }
}
