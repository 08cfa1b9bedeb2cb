using Esper.Core.Fields;

namespace Esper.Core.Tests.Fields;

public sealed class FieldReferenceTests
{
    [Theory]
    [InlineData("client_ip", "client_ip")]
    [InlineData("request.client_ip", "client_ip")]
    [InlineData("user_agent", "user_agent")]
    [InlineData("request_path", "request.path")]
    [InlineData("http_method", "request.method")]
    [InlineData("source_id", "source")]
    [InlineData("referer", "referrer")]
    [InlineData("request_header_user_agent", "request.headers.user-agent")]
    [InlineData("request_header_X_Api_Key", "request.headers.x-api-key")]
    [InlineData("request.headers.X-Foo", "request.headers.x-foo")]
    [InlineData("request.query_params.flow", "request.query.flow")]
    [InlineData("request.route_params.id", "request.route.id")]
    [InlineData("request.cookies.Session_Id", "request.cookies.session_id")]
    [InlineData("body->user->email", "request.body.user.email")]
    [InlineData("$.body.username", "request.body.username")]
    [InlineData("fields.Email", "fields.Email")]
    [InlineData("request.headers", "request.headers")]
    public void Aliases_resolve_to_canonical_names(string alias, string canonical)
    {
        Assert.True(FieldReference.TryParse(alias, out var field));
        Assert.Equal(canonical, field.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ip")]
    [InlineData("request.foo")]
    [InlineData("request.headers.")]
    [InlineData("request.body.a..b")]
    [InlineData("fieldsx")]
    public void Unknown_names_do_not_resolve(string name) => Assert.False(FieldReference.TryParse(name, out _));

    [Fact]
    public void Aliases_read_the_same_values_from_an_encoded_request()
    {
        var request = EventJson.Encode("""
            {"source":"webapp","request":{"method":"get","path":"/p","client_ip":"203.0.113.5","headers":{"User-Agent":"UA/2"}}}
            """);

        Assert.Equal("GET", request.Text("http_method"));
        Assert.Equal("/p", request.Text("request_path"));
        Assert.Equal("UA/2", request.Text("request_header_user_agent"));
        Assert.Equal("UA/2", request.Text("user_agent"));
        Assert.Equal("webapp", request.Text("source_id"));
        Assert.Equal("203.0.113.5", request.Text("client_ip"));
    }

    [Fact]
    public void From_fields_places_values_under_their_canonical_names()
    {
        var request = EncodedRequest.FromFields(new Dictionary<string, string>
        {
            ["request_path"] = "/x",
            ["request.headers.Accept"] = "text/html",
            ["client_ip"] = "2001:db8::1",
            ["user_agent"] = "GPTBot/1.0",
        });

        Assert.Equal("/x", request.Text("request.path"));
        Assert.Equal("text/html", request.Text("request.headers.accept"));
        Assert.Equal("6", request.Text("client_ip_version"));
        Assert.Equal("GPTBot", request.Text("crawler"));
        Assert.False(request.TryGetText("request.headers", out _));
    }
}
