using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

public sealed class RequestEncodingTests
{
    [Theory]
    [InlineData("get", "GET")]
    [InlineData(" Post ", "POST")]
    [InlineData("PATCH", "PATCH")]
    public void Method_is_upper_case(string sent, string encoded) =>
        Assert.Equal(encoded, EventJson.Encode($$$"""{"request":{"method":"{{{sent}}}"}}""").Text("request.method"));

    [Theory]
    [InlineData("/login", "/login")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/a/./b/.", "/a/b/")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/../../etc", "/etc")]
    [InlineData("//admin///x", "/admin/x")]
    [InlineData("/%61dmin", "/admin")]
    [InlineData("/a%2F..%2Fadmin", "/admin")]
    [InlineData("/caf%C3%A9", "/café")]
    [InlineData("/bad%zz", "/bad%zz")]
    [InlineData("login", "/login")]
    [InlineData("/search?q=1#top", "/search")]
    [InlineData("https://shop.example/cart/../checkout?x=1", "/checkout")]
    [InlineData("https://shop.example", "/")]
    [InlineData("/", "/")]
    [InlineData("/a+b", "/a+b")]
    public void Path_is_decoded_with_dot_segments_removed(string sent, string encoded) =>
        Assert.Equal(encoded, EventJson.Encode($$$"""{"request":{"path":"{{{sent}}}"}}""").Text("request.path"));

    [Fact]
    public void Query_string_in_the_path_becomes_query_fields()
    {
        var request = EventJson.Encode("""{"request":{"path":"/s?q=a+b%21&flow=signin&q=second&empty","query_params":{"flow":"explicit"}}}""");

        Assert.Equal("/s", request.Text("request.path"));
        Assert.Equal("a b!", request.Text("request.query.q"));
        Assert.Equal("explicit", request.Text("request.query.flow"));
        Assert.Equal(string.Empty, request.Text("request.query.empty"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7", "4")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7", "4")]
    [InlineData("203.0.113.7:443", "203.0.113.7", "4")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", "4")]
    [InlineData("[::ffff:203.0.113.7]:80", "203.0.113.7", "4")]
    [InlineData("2001:DB8:0:0::1", "2001:db8::1", "6")]
    [InlineData("[2001:db8::1]:8443", "2001:db8::1", "6")]
    [InlineData("fe80::1%eth0", "fe80::1", "6")]
    [InlineData("203.0.113.7, 10.0.0.1", "203.0.113.7", "4")]
    [InlineData("010.001.000.001", "10.1.0.1", "4")]
    public void Client_ip_is_canonical(string sent, string encoded, string version)
    {
        var request = EventJson.Encode($$$"""{"request":{"client_ip":"{{{sent}}}"}}""");

        Assert.Equal(encoded, request.Text("client_ip"));
        Assert.Equal(version, request.Text("client_ip_version"));
    }

    [Fact]
    public void Client_ip_falls_back_to_the_first_forwarded_for_hop()
    {
        var request = EventJson.Encode("""{"request":{"headers":{"X-Forwarded-For":"198.51.100.4, 10.0.0.1"}}}""");

        Assert.Equal("198.51.100.4", request.Text("client_ip"));
    }

    [Fact]
    public void Client_ip_wins_over_forwarded_for()
    {
        var request = EventJson.Encode("""{"request":{"client_ip":"203.0.113.1","headers":{"x-forwarded-for":"198.51.100.4"}}}""");

        Assert.Equal("203.0.113.1", request.Text("client_ip"));
    }

    [Fact]
    public void Unusable_forwarded_for_leaves_the_client_ip_absent()
    {
        var request = EventJson.Encode("""{"request":{"headers":{"x-forwarded-for":"unknown"}}}""");

        Assert.Null(request.Text("client_ip"));
        Assert.Null(request.Text("client_ip_version"));
    }

    [Fact]
    public void Header_and_cookie_names_are_case_insensitive()
    {
        var request = EventJson.Encode("""{"request":{"headers":{"X-Api-Key":"k","Accept":["a","b"]},"cookies":{"SessionId":"s"}}}""");

        Assert.Equal("k", request.Text("request.headers.x-api-key"));
        Assert.Equal("k", request.Text("request.headers.X-API-KEY"));
        Assert.Equal("a, b", request.Text("request.headers.accept"));
        Assert.Equal("s", request.Text("request.cookies.sessionid"));
        Assert.Equal("s", request.Text("request.cookies.SessionId"));
    }

    [Fact]
    public void Cookie_header_fills_cookies_not_sent_explicitly()
    {
        var request = EventJson.Encode("""{"request":{"headers":{"cookie":"a=1; Theme=\"dark\"; sid=header"},"cookies":{"sid":"explicit"}}}""");

        Assert.Equal("1", request.Text("request.cookies.a"));
        Assert.Equal("dark", request.Text("request.cookies.theme"));
        Assert.Equal("explicit", request.Text("request.cookies.sid"));
    }

    [Fact]
    public void User_agent_and_referrer_come_from_headers_when_not_sent()
    {
        var request = EventJson.Encode("""{"request":{"user_agent":"","headers":{"User-Agent":"UA/1","Referer":"https://r.example/"}}}""");

        Assert.Equal("UA/1", request.Text("user_agent"));
        Assert.Equal("https://r.example/", request.Text("referrer"));
    }

    [Fact]
    public void Observed_at_is_utc_with_fixed_width_milliseconds()
    {
        Assert.Equal("2026-03-19T08:15:00.000Z", EventJson.Encode("""{"observed_at":"2026-03-19T10:15:00+02:00"}""").Text("observed_at"));
        Assert.Equal("2026-03-19T10:15:00.123Z", EventJson.Encode("""{"observed_at":"2026-03-19t10:15:00.1234567z"}""").Text("observed_at"));
    }

    [Fact]
    public void Body_fields_are_dotted_paths_and_accept_the_arrow_reference()
    {
        var request = EventJson.Encode("""{"request":{"body":{"user":{"email":"a@example.com","age":41},"items":[{"sku":"X"}],"ok":true}}}""");

        Assert.Equal("a@example.com", request.Text("request.body.user.email"));
        Assert.Equal("a@example.com", request.Text("body->user->email"));
        Assert.Equal("a@example.com", request.Text("$.body.user.email"));
        Assert.Equal("41", request.Text("request.body.user.age"));
        Assert.Equal("X", request.Text("request.body.items.0.sku"));
        Assert.Equal("true", request.Text("request.body.ok"));
        Assert.Null(request.Text("request.body.user"));
    }

    [Fact]
    public void A_scalar_body_is_the_request_body_field()
    {
        Assert.Equal("plain", EventJson.Encode("""{"request":{"body":"plain"}}""").Text("request.body"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", "GPTBot", "openai")]
    [InlineData("Mozilla/5.0 (compatible; ClaudeBot/1.0; +claudebot@anthropic.com)", "ClaudeBot", "anthropic")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Googlebot", "google")]
    [InlineData("Mozilla/5.0 (Macintosh) Safari (Applebot-Extended/0.1)", "Applebot-Extended", "apple")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebookexternalhit", "meta")]
    [InlineData("meta-externalagent/1.1", "meta-externalagent", "meta")]
    [InlineData("Mozilla/5.0 (compatible; CloudFlare-AlwaysOnline/1.0)", "Cloudflare-AlwaysOnline", "cloudflare")]
    [InlineData("mozilla/5.0 (compatible; gptbot/1.0)", "GPTBot", "openai")]
    public void Crawler_token_is_derived_from_the_user_agent(string userAgent, string token, string crawlerOperator)
    {
        var request = EventJson.Encode($$$"""{"request":{"user_agent":"{{{userAgent}}}"}}""");

        Assert.Equal(token, request.Text("crawler"));
        Assert.Equal(crawlerOperator, request.Text("crawler_operator"));
    }

    [Fact]
    public void Ordinary_browsers_have_no_crawler_field()
    {
        var request = EventJson.Encode("""{"request":{"user_agent":"Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36"}}""");

        Assert.Null(request.Text("crawler"));
        Assert.Null(request.Text("crawler_operator"));
    }

    [Fact]
    public void Flat_and_nested_shapes_encode_equally()
    {
        var flat = EventJson.Encode("""
            {"ip":"::ffff:203.0.113.9","user_agent":"UA","path":"/login?next=%2Fhome","method":"post","source":"lambda",
             "observed_at":"2026-03-19T10:15:00Z","aws_request_id":"r1"}
            """);
        var nested = EventJson.Encode("""
            {"source":"lambda","observed_at":"2026-03-19T10:15:00.000+00:00",
             "request":{"method":"POST","path":"/login","query_params":{"next":"/home"},"client_ip":"203.0.113.9","user_agent":"UA"},
             "fields":{"aws_request_id":"r1"}}
            """);

        Assert.Equal(nested.ToFieldList(), flat.ToFieldList());
        Assert.NotEmpty(flat.ToFieldList());
    }

    [Fact]
    public void Equal_requests_written_differently_encode_equally()
    {
        var a = EventJson.Encode("""{"request":{"method":"get","path":"/a/./b/../c","headers":{"User-Agent":"UA","X-Forwarded-For":"10.0.0.1"}}}""");
        var b = EventJson.Encode("""{"request":{"method":"GET","path":"/a/c","client_ip":"::ffff:10.0.0.1","user_agent":"UA","headers":{"user-agent":"UA","x-forwarded-for":"10.0.0.1"}}}""");

        Assert.Equal(a.ToFieldList(), b.ToFieldList());
    }

    [Fact]
    public void Hand_built_events_are_normalised_too()
    {
        var request = RequestEncoder.Encode(new RuntimeEvent
        {
            Method = "delete",
            Path = "/x/../y",
            Headers = new Dictionary<string, string> { ["X-Forwarded-For"] = "192.0.2.5" },
            Cookies = new Dictionary<string, string> { ["SID"] = "1" },
            BodyJson = "{not json",
        });

        Assert.Equal("DELETE", request.Text("request.method"));
        Assert.Equal("/y", request.Text("request.path"));
        Assert.Equal("192.0.2.5", request.Text("client_ip"));
        Assert.Equal("1", request.Text("request.cookies.sid"));
        Assert.Null(request.Text("request.body.x"));
    }
}
