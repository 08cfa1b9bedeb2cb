using System.Net;
using Esper.Host.Tests.Support;

namespace Esper.Host.Tests.Http;

public sealed class LimitsTests
{
    [Fact]
    public async Task Oversized_body_gets_413_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var big = "{\"request\":{\"path\":\"/\",\"user_agent\":\"" + new string('a', 1_100_000) + "\"}}";

        var result = await client.PostAsync("/api/v1/runtime/mitigation", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Overlong_string_is_rejected_naming_the_field()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.PostAsync("/api/v1/mitigations", $$"""{"name":"{{new string('n', 9000)}}","mode":"block"}""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("name", result.Str("field"));
    }

    [Fact]
    public async Task Too_many_headers_get_431_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.SendAsync(HttpMethod.Post, "/api/v1/runtime/mitigation", Scenario.Event(), configure: r =>
        {
            for (var i = 0; i < 120; i++)
            {
                r.Headers.Add($"x-filler-{i}", "1");
            }
        });

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Too_many_json_fields_get_413_naming_where()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();
        var fields = string.Join(',', Enumerable.Range(0, 6000).Select(i => $"\"f{i}\":1"));

        var result = await client.PostAsync("/api/v1/runtime/mitigation", $"{{\"fields\":{{{fields}}}}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Equal("fields", result.Str("field"));
    }

    [Fact]
    public async Task Non_json_content_type_gets_415_problem()
    {
        using var host = EsperHost.Start();
        using var client = host.Client();

        var result = await client.SendAsync(HttpMethod.Post, "/api/v1/policies", "name=x", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
    }

    [Fact]
    public async Task Sixth_request_in_a_minute_over_a_limit_of_five_gets_429_with_retry_after()
    {
        using var host = EsperHost.Start(rateLimit: 5);
        using var client = host.Client();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Status);
        }

        var limited = await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event());

        Assert.Equal((HttpStatusCode)429, limited.Status);
        Assert.Equal("application/problem+json", limited.ContentType);
        Assert.True(int.Parse(limited.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/runtime/mitigation", Scenario.Event())).Status);
    }
}
