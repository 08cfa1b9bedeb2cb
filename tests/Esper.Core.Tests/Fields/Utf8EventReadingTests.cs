using System.Text;
using System.Text.Json;
using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

public sealed class Utf8EventReadingTests
{
    private const string Realistic = """
        {"source":"web","observed_at":"2026-01-01T12:00:00Z","idempotency_key":"0f6b7c1e",
         "request":{"method":"POST","path":"/login?next=%2Fhome","client_ip":"203.0.113.7","user_agent":"Mozilla/5.0 (X11)",
           "headers":{"user-agent":"Mozilla/5.0 (X11)","Accept":"text/html","x-forwarded-proto":"https","X-Multi":["a",2,true]},
           "query_params":{"next":"/account"},"cookies":{"SID":"s-4b1e9d"},"route_params":{"id":"7"},
           "body":{"user":{"email":"a@example.com","tags":[1,2.50,"x",null,false]}}},
         "fields":{"plan":"pro","seats":3,"vip":true}}
        """;

    [Theory]
    [InlineData(Realistic)]
    [InlineData("""{"ip":"198.51.100.1","user_agent":"curl/8","path":"/a","method":"post","aws_request_id":"r-9","fields":{"a":"1"},"a":"2"}""")]
    [InlineData("""{"request":{}}""")]
    [InlineData("""{}""")]
    [InlineData("""{"request":{"headers":{"user-agent":"ua"},"user_agent":"ua","ip":"  ","client_ip":"::1"}}""")]
    [InlineData("""{"request":{"headers":{"X-A":"1","x-a":"2"," x-a ":"3"},"cookies":{"S":"1","s":"2"}}}""")]
    [InlineData("""{"idempotency_key":"a","idempotency_key":"b","idempotency_key":null,"fields":{"x":"1"},"fields":{"x":"2"},"request":{"path":"/a","path":"/b"}}""")]
    [InlineData("""{"request":{"body":"text","headers":null,"query_params":{"q":null}}}""")]
    [InlineData("""{"request":{"body":12.5e3}}""")]
    [InlineData("""{"request":{"m\u0065thod":"GET","headers":{"\u0041ccept":"x"}},"s\u006furce":"esc"}""")]
    [InlineData("""{"observed_at":"2026-03-26T12:00:00.123+02:00","request":{"method":" get "}}""")]
    [InlineData("""{"observed_at":"2026-03-26t12:00:00z","request":{}}""")]
    public void Valid_body_is_read_in_one_pass_into_the_same_event_as_the_document_parser(string json)
    {
        Assert.True(RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), EventJson.Limits, out var read));

        var parsed = EventJson.Parse(json);
        Assert.True(parsed.Succeeded);
        EventComparison.AssertSame(parsed.Value!, read.Value!);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"request":"x"}""")]
    [InlineData("""{"request":null}""")]
    [InlineData("""{"request":{"method":5}}""")]
    [InlineData("""{"request":{"method":"GE T"}}""")]
    [InlineData("""{"request":{"client_ip":"not-an-ip"}}""")]
    [InlineData("""{"ip":"999.1.1.1"}""")]
    [InlineData("""{"request":{"headers":[]}}""")]
    [InlineData("""{"request":{"headers":{"x-a":{"b":1}}}}""")]
    [InlineData("""{"request":{"headers":{"x-a":[[1]]}}}""")]
    [InlineData("""{"request":{"cookies":{"s":[1]}}}""")]
    [InlineData("""{"request":{"headers":{" ":"1"}}}""")]
    [InlineData("""{"request":{},"fields":{"a":{}}}""")]
    [InlineData("""{"observed_at":"yesterday"}""")]
    [InlineData("""{"observed_at":"2026-03-26T12:00:0\u0030Z"}""")]
    [InlineData("""{"request":{},"request":{}}""")]
    [InlineData("""{"request":{}} {}""")]
    [InlineData("""{"request":{"path":"/a"}""")]
    [InlineData("""{"request":{"path":"\ud800"}}""")]
    public void Body_the_document_parser_refuses_or_orders_differently_is_declined(string json)
    {
        Assert.False(RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), EventJson.Limits, out _));
    }

    [Fact]
    public void Invalid_utf8_in_a_skipped_value_is_declined()
    {
        byte[] json = [.. "{\"request\":{},\"tenant\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.False(RequestEncoder.TryRead(json, EventJson.Limits, out _));
        Assert.True(RequestEncoder.TryRead("""{"request":{},"tenant":"ok"}"""u8, EventJson.Limits, out _));
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(7, false)]
    public void String_longer_than_the_text_limit_is_declined_even_where_the_event_ignores_it(int maxStringLength, bool read)
    {
        var limits = EventJson.Limits with { MaxStringLength = maxStringLength };

        Assert.Equal(read, RequestEncoder.TryRead("""{"request":{"x":{"y":"abcdefgh"}}}"""u8, limits, out _));
        Assert.Equal(read, RequestEncoder.TryRead("""{"request":{},"abcdefgh":1}"""u8, limits, out _));
        Assert.Equal(read, RequestEncoder.TryRead("""{"request":{"path":"/abcdefg"}}"""u8, limits, out _));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public void Properties_over_the_limit_at_any_depth_are_declined(int maxProperties, bool read)
    {
        var limits = EventJson.Limits with { MaxProperties = maxProperties };

        Assert.Equal(read, RequestEncoder.TryRead("""{"request":{"body":{"a":{"b":1}}}}"""u8, limits, out _));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public void Nesting_over_the_limit_is_declined(int maxDepth, bool read)
    {
        var limits = EventJson.Limits with { MaxDepth = maxDepth };

        Assert.Equal(read, RequestEncoder.TryRead("""{"request":{"body":{"a":[1]}}}"""u8, limits, out _));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public void Body_depth_limit_matches_the_document_parser(int depth)
    {
        var body = new string('[', depth) + new string(']', depth);
        var json = """{"request":{"body":""" + body + "}}";

        var parsed = EventJson.Parse(json);

        Assert.Equal(parsed.Succeeded, RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), EventJson.Limits, out _));
        Assert.Equal(depth <= FieldLimits.MaxBodyDepth, parsed.Succeeded);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    public void Body_value_limit_matches_the_document_parser(int values)
    {
        var json = """{"request":{"body":[""" + string.Join(',', Enumerable.Repeat("1", values)) + "]}}";

        var parsed = EventJson.Parse(json);

        Assert.Equal(parsed.Succeeded, RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), EventJson.Limits, out _));
        Assert.Equal(values <= FieldLimits.MaxBodyLeaves, parsed.Succeeded);
    }

    [Fact]
    public void Flat_key_before_the_request_object_is_ignored_as_the_nested_shape_says()
    {
        Assert.True(RequestEncoder.TryRead("""{"method":"GET","tenant":"t","request":{"path":"/a","clientip":"x"},"source":"s","extra":1}"""u8, EventJson.Limits, out var read));

        Assert.Null(read.Value!.Method);
        Assert.Equal("/a", read.Value.Path);
        Assert.Empty(read.Value.Fields);
        Assert.Equal(["method", "tenant", "extra"], read.IgnoredKeys!);
        Assert.Equal(["clientip"], read.IgnoredRequestKeys!);
    }

    [Fact]
    public void Flat_body_names_no_ignored_keys()
    {
        Assert.True(RequestEncoder.TryRead("""{"path":"/a","tenant":"t"}"""u8, EventJson.Limits, out var read));

        Assert.Equal("t", read.Value!.Fields["tenant"]);
        Assert.Null(read.IgnoredKeys);
        Assert.Null(read.IgnoredRequestKeys);
    }

    [Fact]
    public void Common_header_names_and_the_user_agent_are_shared_strings()
    {
        Assert.True(RequestEncoder.TryRead("""{"request":{"user_agent":"Mozilla/5.0","headers":{"accept":"a","user-agent":"Mozilla/5.0"}}}"""u8, EventJson.Limits, out var read));

        Assert.Same("accept", read.Value!.Headers.Keys.First());
        Assert.Same(read.Value.UserAgent, read.Value.Headers["user-agent"]);
    }

    [Fact]
    public void Body_keeps_its_raw_text()
    {
        Assert.True(RequestEncoder.TryRead("""{"request":{"body": { "a" : [1, "\u00e9"] } }}"""u8, EventJson.Limits, out var read));

        Assert.Equal("""{ "a" : [1, "\u00e9"] }""", read.Value!.BodyJson);
    }

    [Fact]
    public void Document_parser_takes_the_last_request_object_the_reader_declines_to_guess()
    {
        const string json = """{"request":{"path":"/first"},"request":{"path":"/last"}}""";

        Assert.Equal("/last", EventJson.Parse(json).Value!.Path);
        Assert.False(RequestEncoder.TryRead(Encoding.UTF8.GetBytes(json), EventJson.Limits, out _));
    }
}
