using Esper.Core.Fields;

namespace Esper.Core.Tests.Expressions;

public sealed class OperatorTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "request.method == \"POST\"", """{"field":"request.method","op":"eq","value":"POST"}""", true },
        { "request.method == \"post\"", """{"field":"request.method","op":"eq","value":"post"}""", false },
        { "request.method != \"GET\"", """{"field":"request.method","op":"ne","value":"GET"}""", true },
        { "fields.count < 10", """{"field":"fields.count","op":"lt","value":10}""", true },
        { "request.query.page <= 3", """{"field":"request.query.page","op":"le","value":3}""", true },
        { "fields.count > 7", """{"field":"fields.count","op":"gt","value":7}""", false },
        { "fields.count >= 7", """{"field":"fields.count","op":"ge","value":7.0}""", true },
        { "request.path > \"/a\"", """{"field":"request.path","op":"gt","value":"/a"}""", true },
        { "user_agent.contains(\"GPTBot\")", """{"field":"user_agent","op":"contains","value":"GPTBot"}""", true },
        { "request.path.startsWith(\"/login\")", """{"field":"request.path","op":"starts_with","value":"/login"}""", true },
        { "request.path.endsWith(\"/step\")", """{"field":"request.path","op":"ends_with","value":"/step"}""", true },
        { "request.path.matches(\"^/login/[a-z]+$\")", """{"field":"request.path","op":"matches","value":"^/login/[a-z]+$"}""", true },
        { "request.path.matches(\"^/api\")", """{"field":"request.path","op":"matches","value":"^/api"}""", false },
        { "client_ip in [\"10.1.2.3\", \"10.1.2.4\"]", """{"field":"client_ip","op":"in","value":["10.1.2.3","10.1.2.4"]}""", true },
        { "fields.count in [1, 7]", """{"field":"fields.count","op":"in","value":[1,7]}""", true },
        { "client_ip.inCidr(\"10.0.0.0/8\")", """{"field":"client_ip","op":"in_cidr","value":"10.0.0.0/8"}""", true },
        { "client_ip.inCidr([\"192.168.0.0/16\", \"2001:db8::/32\"])", """{"field":"client_ip","op":"in_cidr","value":["192.168.0.0/16","2001:db8::/32"]}""", false },
        { "has(request.headers[\"user-agent\"])", """{"field":"request.headers.user-agent","op":"exists"}""", true },
        { "has(request.cookies.sid)", """{"field":"request.cookies.sid","op":"exists"}""", false },
        { "fields.vip == true", """{"field":"fields.vip","op":"eq","value":true}""", true },
        { "observed_at >= \"2026-03-19T10:00:00Z\"", """{"field":"observed_at","op":"ge","value":"2026-03-19T12:00:00+02:00"}""", true },
        { "request.method == \"POST\" && request.path.startsWith(\"/login\") && !(client_ip in [\"203.0.113.7\"])",
          """{"and":[{"field":"request.method","op":"eq","value":"POST"},{"field":"request.path","op":"starts_with","value":"/login"},{"not":{"field":"client_ip","op":"in","value":["203.0.113.7"]}}]}""", true },
        { "request.method == \"GET\" || request.headers[\"x-api-key\"] == \"k-1\"",
          """{"or":[{"field":"request.method","op":"eq","value":"GET"},{"field":"request.headers.x-api-key","op":"eq","value":"k-1"}]}""", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Both_forms_decide_the_same_and_print_the_same(string text, string tree, bool expected)
    {
        var fromText = Compile.Text(text);
        var fromTree = Compile.Tree(tree);
        var request = Compile.Sample();

        Assert.Equal(expected, fromText.Evaluate(request));
        Assert.Equal(expected, fromTree.Evaluate(request));
        if (!text.StartsWith("observed_at", StringComparison.Ordinal))
        {
            Assert.Equal(fromText.CanonicalText, fromTree.CanonicalText);
        }
    }

    [Theory]
    [InlineData("""{"field":"request.method","op":"Eq","value":"POST"}""", true)]
    [InlineData("""{"field":"request.method","op":"Ne","value":"POST"}""", false)]
    [InlineData("""{"field":"fields.count","op":"Gt","value":1}""", true)]
    [InlineData("""{"field":"fields.count","op":"Le","value":1}""", false)]
    [InlineData("""{"field":"request_header_user_agent","op":"is present"}""", true)]
    [InlineData("""{"field":"request_header_x_missing","op":"FieldExists"}""", false)]
    [InlineData("""{"field":"user_agent","op":"Contains","value":"GPTBot"}""", true)]
    [InlineData("""{"field":"http_method","op":"equals","value":"POST"}""", true)]
    [InlineData("""{"field":"request_path","op":"StartsWith","value":"/login"}""", true)]
    [InlineData("""{"field":"client_ip","op":"InCidr","value":"10.1.2.3"}""", true)]
    public void Seed_operator_names_and_catalog_fields_are_accepted(string tree, bool expected) =>
        Assert.Equal(expected, Compile.Tree(tree).Evaluate(Compile.Sample()));

    [Fact]
    public void Size_counts_map_entries_and_text_length()
    {
        var request = Compile.Sample();

        Assert.True(Compile.Text("size(fields) == 2").Evaluate(request));
        Assert.True(Compile.Text("size(request.headers) > 1").Evaluate(request));
        Assert.True(Compile.Text("size(request.path) == 11").Evaluate(request));
        Assert.False(Compile.Text("size(fields) > 2").Evaluate(request));
    }

    [Fact]
    public void In_on_a_map_tests_for_a_key()
    {
        Assert.True(Compile.Text("\"X-Api-Key\" in request.headers").Evaluate(Compile.Sample()));
        Assert.False(Compile.Text("\"x-other\" in request.headers").Evaluate(Compile.Sample()));
    }

    [Fact]
    public void In_cidr_reads_ipv6_and_mapped_addresses()
    {
        var cidr = Compile.Text("client_ip.inCidr([\"2001:db8::/32\", \"192.0.2.0/24\"])");

        Assert.True(cidr.Evaluate(Compile.Request(("client_ip", "2001:db8:1::5"))));
        Assert.True(cidr.Evaluate(Compile.Request(("client_ip", "::ffff:192.0.2.9"))));
        Assert.False(cidr.Evaluate(Compile.Request(("client_ip", "2001:db9::1"))));
        Assert.True(Compile.Text("request.headers[\"x-real-ip\"].inCidr(\"192.0.2.0/24\")")
            .Evaluate(Compile.Request(("request.headers.x-real-ip", "192.0.2.200"))));
    }

    [Fact]
    public void Body_fields_are_reachable_by_dots_brackets_and_arrows()
    {
        var request = RequestEncoder.Encode(RequestEncoder.Parse(System.Text.Json.JsonDocument.Parse(
            """{"request":{"body":{"user":{"email":"a@example.com"},"items":[{"sku":"X"}]}}}""").RootElement).Value!);

        Assert.True(Compile.Text("request.body.user.email == \"a@example.com\"").Evaluate(request));
        Assert.True(Compile.Text("request.body[\"items\"][0].sku == \"X\"").Evaluate(request));
        Assert.True(Compile.Tree("""{"field":"body->user->email","op":"eq","value":"a@example.com"}""").Evaluate(request));
    }
}
