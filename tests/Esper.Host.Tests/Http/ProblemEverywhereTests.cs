using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Http;

/// <summary>Errors the host meets before any route (unknown path, wrong method, long URL, large headers) are problem+json too.</summary>
public sealed class ProblemEverywhereTests
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("urn:esper:problem:not-found", result.Str("type"));
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem_with_allow()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.SendAsync(HttpMethod.Delete, "/api/v1/runtime/mitigation", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("urn:esper:problem:method-not-allowed", result.Str("type"));
        Assert.Contains("allows POST", result.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlong_url_is_a_414_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.GetAsync("/api/v1/policies?filler=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("urn:esper:problem:uri-too-long", result.Str("type"));
    }

    [Fact]
    public async Task Oversized_headers_are_a_431_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.SendAsync(HttpMethod.Get, "/api/v1/policies", null, configure: r => r.Headers.Add("x-filler", new string('h', 40_000)));

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal("urn:esper:problem:headers-too-large", result.Str("type"));
    }
}
