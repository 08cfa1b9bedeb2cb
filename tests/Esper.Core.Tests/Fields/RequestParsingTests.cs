using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

public sealed class RequestParsingTests
{
    [Fact]
    public void Nested_runtime_body_parses_every_part()
    {
        var result = EventJson.Parse("""
            {"observed_at":"2026-03-26T12:00:00Z","idempotency_key":"req-1","source":"vercel-edge","return_url":"https://a.example/login",
             "request":{"method":"GET","path":"/login","client_ip":"203.0.113.10","user_agent":"Mozilla/5.0",
               "headers":{"X-Foo":"1"},"query_params":{"flow":"signin"},"cookies":{"sid":"abc"},"route_params":{"id":"7"},
               "body":{"user":{"email":"a@example.com"}}},
             "fields":{"email":"user@example.com","count":3,"vip":true}}
            """);

        Assert.True(result.Succeeded);
        var ev = result.Value!;
        Assert.Equal(new DateTimeOffset(2026, 3, 26, 12, 0, 0, TimeSpan.Zero), ev.ObservedAt);
        Assert.Equal("req-1", ev.IdempotencyKey);
        Assert.Equal("vercel-edge", ev.Source);
        Assert.Equal("https://a.example/login", ev.ReturnUrl);
        Assert.Equal("GET", ev.Method);
        Assert.Equal("203.0.113.10", ev.ClientIp);
        Assert.Equal("1", ev.Headers["x-foo"]);
        Assert.Equal("signin", ev.QueryParams["flow"]);
        Assert.Equal("7", ev.RouteParams["id"]);
        Assert.Equal("3", ev.Fields["count"]);
        Assert.Equal("true", ev.Fields["vip"]);
        Assert.Contains("a@example.com", ev.BodyJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Flat_recipe_body_puts_extra_keys_into_fields()
    {
        var result = EventJson.Parse("""{"ip":"198.51.100.1","user_agent":"curl/8","path":"/a","method":"post","aws_request_id":"r-9"}""");

        Assert.True(result.Succeeded);
        Assert.Equal("198.51.100.1", result.Value!.ClientIp);
        Assert.Equal("r-9", result.Value.Fields["aws_request_id"]);
        Assert.False(result.Value.Fields.ContainsKey("ip"));
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{"request":"x"}""", "request")]
    [InlineData("""{"request":{"method":5}}""", "request.method")]
    [InlineData("""{"request":{"method":"GE T"}}""", "request.method")]
    [InlineData("""{"request":{"path":["/a"]}}""", "request.path")]
    [InlineData("""{"request":{"client_ip":"not-an-ip"}}""", "request.client_ip")]
    [InlineData("""{"ip":"999.1.1.1"}""", "ip")]
    [InlineData("""{"request":{"headers":[]}}""", "request.headers")]
    [InlineData("""{"request":{"headers":{"x-a":{"b":1}}}}""", "request.headers.x-a")]
    [InlineData("""{"request":{"cookies":{"s":[1]}}}""", "request.cookies.s")]
    [InlineData("""{"request":{},"fields":{"a":{}}}""", "fields.a")]
    [InlineData("""{"request":{},"fields":"x"}""", "fields")]
    [InlineData("""{"observed_at":"yesterday"}""", "observed_at")]
    [InlineData("""{"observed_at":"2026-03-26 12:00:00"}""", "observed_at")]
    [InlineData("""{"observed_at":"2026-03-26T12:00:00"}""", "observed_at")]
    [InlineData("""{"observed_at":1774526400}""", "observed_at")]
    [InlineData("""{"observed_at":"2026-03-26"}""", "observed_at")]
    [InlineData("""{"observed_at":"2026-03-26T12:00+02:00"}""", "observed_at")]
    [InlineData("""{"observed_at":"2026-03-26T12:00Z"}""", "observed_at")]
    [InlineData("""{"source":7}""", "source")]
    [InlineData("""{"path":"/x","nested":{"a":1}}""", "nested")]
    public void Wrong_types_and_formats_fail_naming_the_field(string json, string field)
    {
        var result = EventJson.Parse(json);

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.ErrorField);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
    }

    [Theory]
    [InlineData("headers", FieldLimits.MaxHeaders, "request.headers")]
    [InlineData("query_params", FieldLimits.MaxQueryParams, "request.query_params")]
    [InlineData("cookies", FieldLimits.MaxCookies, "request.cookies")]
    [InlineData("route_params", FieldLimits.MaxRouteParams, "request.route_params")]
    public void Maps_over_their_limit_fail(string map, int limit, string field)
    {
        var entries = string.Join(',', Enumerable.Range(0, limit + 1).Select(i => $"\"k{i}\":\"v\""));
        var atLimit = string.Join(',', Enumerable.Range(0, limit).Select(i => $"\"k{i}\":\"v\""));

        Assert.True(EventJson.Parse("{\"request\":{\"" + map + "\":{" + atLimit + "}}}").Succeeded);
        var result = EventJson.Parse("{\"request\":{\"" + map + "\":{" + entries + "}}}");
        Assert.Equal(field, result.ErrorField);
    }

    [Fact]
    public void Too_many_fields_fail_in_both_shapes()
    {
        var entries = string.Join(',', Enumerable.Range(0, FieldLimits.MaxFields + 1).Select(i => $"\"f{i}\":1"));

        Assert.Equal("fields", EventJson.Parse("{\"request\":{},\"fields\":{" + entries + "}}").ErrorField);
        Assert.Equal("fields", EventJson.Parse("{" + entries + "}").ErrorField);
    }

    [Theory]
    [InlineData("path", FieldLimits.MaxPathLength)]
    [InlineData("user_agent", FieldLimits.MaxUserAgentLength)]
    [InlineData("method", FieldLimits.MaxMethodLength)]
    public void Strings_over_their_limit_fail(string property, int limit)
    {
        var ok = new string('A', limit);
        var tooLong = new string('A', limit + 1);

        Assert.True(EventJson.Parse(Request(property, ok)).Succeeded);
        Assert.Equal("request." + property, EventJson.Parse(Request(property, tooLong)).ErrorField);
    }

    [Fact]
    public void Header_values_over_the_limit_fail_naming_the_header()
    {
        var result = EventJson.Parse("{\"request\":{\"headers\":{\"X-Big\":\"" + new string('a', FieldLimits.MaxValueLength + 1) + "\"}}}");

        Assert.Equal("request.headers.X-Big", result.ErrorField);
    }

    [Fact]
    public void Body_nested_too_deep_fails_naming_the_path()
    {
        var ok = string.Concat(Enumerable.Repeat("{\"a\":", FieldLimits.MaxBodyDepth)) + "1" + new string('}', FieldLimits.MaxBodyDepth);
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", FieldLimits.MaxBodyDepth + 1)) + "1" + new string('}', FieldLimits.MaxBodyDepth + 1);

        Assert.True(EventJson.Parse("{\"request\":{\"body\":" + ok + "}}").Succeeded);
        var result = EventJson.Parse("{\"request\":{\"body\":" + deep + "}}");
        Assert.False(result.Succeeded);
        Assert.StartsWith("request.body.a.a", result.ErrorField, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_never_throws_on_odd_input()
    {
        string[] inputs =
        [
            "null", "1", "\"x\"", "{}", """{"request":null}""", """{"request":{"headers":null,"body":null}}""",
            """{"request":{"headers":{"":"x"}}}""", """{"fields":{"a":null}}""", """{"request":{"client_ip":""}}""",
            """{"request":{"path":"%zz/../..//"}}""", """{"request":{"body":"plain text"}}""", """{"request":{"body":[1,[2,[3]]]}}""",
        ];

        foreach (var input in inputs)
        {
            var result = EventJson.Parse(input);
            if (result.Succeeded)
            {
                _ = RequestEncoder.Encode(result.Value!).ToFieldList();
            }
            else
            {
                Assert.NotNull(result.ErrorField);
            }
        }

        Assert.Equal("$", RequestEncoder.Parse(default).ErrorField);
    }

    [Fact]
    public void A_disposed_document_fails_instead_of_throwing()
    {
        var document = JsonDocument.Parse("""{"path":"/"}""");
        var root = document.RootElement;
        document.Dispose();

        Assert.Equal("$", RequestEncoder.Parse(root).ErrorField);
    }

    private static string Request(string property, string value) => "{\"request\":{\"" + property + "\":\"" + value + "\"}}";
}
