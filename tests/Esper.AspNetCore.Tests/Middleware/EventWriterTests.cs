using System.Net;
using System.Text.Json;
using Esper.Client.Guard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Esper.AspNetCore.Tests.Middleware;

/// <summary>
/// The body the middleware writes straight from the request, checked against ASP.NET Core's own parsed query and
/// cookie collections (the reading it replaces) and against the forwarding rules.
/// </summary>
public sealed class EventWriterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("?a=1&b=x+y%21&a=2&esper_challenge_proof=p&flag&=skipped&c=%E2%82%AC")]
    [InlineData("?na%6De=v&plus+name=1&a=1")]
    [InlineData("?")]
    public void Query_params_hold_the_first_value_of_each_name_as_the_query_collection_parses_it(string query)
    {
        var context = Request(query);

        using var body = Write(context, new EsperOptions(), out _);

        var expected = context.Request.Query
            .Where(static p => p.Key != ProofParameter.Name && p.Key.Length > 0)
            .ToDictionary(static p => p.Key, static p => p.Value[0]);
        var written = body.RootElement.GetProperty("request").TryGetProperty("query_params", out var q)
            ? q.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString())
            : [];
        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData("sid=abc; theme=dark", "esper_challenge=pass1")]
    [InlineData("sid=abc;theme=dark;sid=second", null)]
    [InlineData("theme=%22dark%22; sid=a%20b", null)]
    public void Cookies_are_sent_by_name_with_values_only_for_the_pass_and_allowed_names(string first, string? second)
    {
        var context = Request("");
        context.Request.Headers.Cookie = second is null ? first : new Microsoft.Extensions.Primitives.StringValues([first, second]);
        var options = new EsperOptions();
        options.CookieValues.Add("THEME");

        using var body = Write(context, options, out _);

        var expected = context.Request.Cookies.ToDictionary(
            static c => c.Key,
            c => c.Key is "theme" or ProofParameter.PassCookieName ? c.Value : "");
        var written = body.RootElement.GetProperty("request").GetProperty("cookies").EnumerateObject()
            .ToDictionary(static p => p.Name, static p => p.Value.GetString()!);
        Assert.Equal(expected, written);
    }

    [Fact]
    public void Headers_ip_url_key_and_route_follow_the_forwarding_rules()
    {
        var context = Request("?ref=home");
        context.Request.Headers.Authorization = "Bearer s3cret";
        context.Request.Headers["X-Custom"] = new Microsoft.Extensions.Primitives.StringValues(["a", "b"]);
        context.Request.Headers.Cookie = "sid=abc";
        context.Request.RouteValues["id"] = 42;
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:198.51.100.7");

        using var body = Write(context, new EsperOptions(), out var identity);

        var root = body.RootElement;
        var request = root.GetProperty("request");
        var headers = request.GetProperty("headers").EnumerateObject().Select(static p => p.Name).ToList();
        Assert.Contains("x-custom", headers);
        Assert.Contains("user-agent", headers);
        Assert.DoesNotContain("authorization", headers);
        Assert.DoesNotContain("cookie", headers);
        Assert.Equal("a,b", request.GetProperty("headers").GetProperty("x-custom").GetString());
        Assert.Equal("198.51.100.7", request.GetProperty("client_ip").GetString());
        Assert.Equal("42", request.GetProperty("route_params").GetProperty("id").GetString());
        Assert.Equal("GET", request.GetProperty("method").GetString());
        Assert.Equal("/shop/items/42", request.GetProperty("path").GetString());
        Assert.Equal("https://shop.example/shop/items/42?ref=home", root.GetProperty("return_url").GetString());
        Assert.Equal(Clock.GetUtcNow(), root.GetProperty("observed_at").GetDateTimeOffset());
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("idempotency_key").GetString());
        Assert.Equal("aspnetcore", root.GetProperty("source").GetString());
        Assert.Equal("198.51.100.7\nwriter-tests/1.0\nGET\n/shop/items/42", identity.Key());
    }

    [Fact]
    public void Each_request_gets_its_own_idempotency_key_unless_the_request_id_is_trusted()
    {
        var context = Request("");
        context.Request.Headers["X-Request-Id"] = "req-123";

        using var first = Write(context, new EsperOptions(), out _);
        using var second = Write(context, new EsperOptions(), out _);
        using var trusted = Write(context, new EsperOptions { UseRequestIdAsIdempotencyKey = true }, out _);

        Assert.NotEqual(first.RootElement.GetProperty("idempotency_key").GetString(), second.RootElement.GetProperty("idempotency_key").GetString());
        Assert.Equal("req-123", trusted.RootElement.GetProperty("idempotency_key").GetString());
    }

    private static DefaultHttpContext Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("shop.example");
        context.Request.PathBase = "/shop";
        context.Request.Path = "/items/42";
        context.Request.QueryString = new QueryString(query.Length > 1 ? query : null);
        context.Request.Headers.UserAgent = "writer-tests/1.0";
        return context;
    }

    private static JsonDocument Write(HttpContext context, EsperOptions options, out RequestIdentity identity)
    {
        using var body = EsperEventWriter.Write(context, options, Clock, out identity);
        return JsonDocument.Parse(body.Memory.ToArray());
    }
}
