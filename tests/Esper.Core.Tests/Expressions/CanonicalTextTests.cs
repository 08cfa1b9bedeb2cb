using Esper.Core.Expressions;

namespace Esper.Core.Tests.Expressions;

public sealed class CanonicalTextTests
{
    [Theory]
    [InlineData("\"POST\" == request.method", "request.method == \"POST\"")]
    [InlineData("3 < fields.count", "fields.count > 3")]
    [InlineData("request_header_user_agent.contains('bot')", "request.headers[\"user-agent\"].contains(\"bot\")")]
    [InlineData("request.headers[\"X-Api-Key\"] != \"k\"", "request.headers[\"x-api-key\"] != \"k\"")]
    [InlineData("!!(http_method == \"GET\")", "request.method == \"GET\"")]
    [InlineData("a_b() || true", null)]
    [InlineData("request.path == \"/a\" && (request.path == \"/b\" && request.path == \"/c\")", "request.path == \"/a\" && request.path == \"/b\" && request.path == \"/c\"")]
    [InlineData("(request.path == \"/a\" || request.path == \"/b\") && has(fields)", "(request.path == \"/a\" || request.path == \"/b\") && has(fields)")]
    [InlineData("!request.path.startsWith(r\"/\\d\")", "!request.path.startsWith(\"/\\\\d\")")]
    [InlineData("!(request.path == \"/\")", "!(request.path == \"/\")")]
    [InlineData("client_ip.inCidr(\"10.1.2.3/8\")", "client_ip.inCidr(\"10.0.0.0/8\")")]
    [InlineData("fields.n == 2.50", "fields.n == 2.5")]
    [InlineData("fields.n == -4", "fields.n == -4")]
    [InlineData("request.body.items[0].sku == \"x\"", "request.body.items[\"0\"].sku == \"x\"")]
    [InlineData("fields.in == \"x\"", "fields[\"in\"] == \"x\"")]
    [InlineData("request.path.matches(r\"^/api/v\\d+/\")", "request.path.matches(\"^/api/v\\\\d+/\")")]
    [InlineData("fields.a < fields.b < 3", null)]
    public void Equivalent_spellings_print_one_canonical_text(string text, string? canonical)
    {
        var result = ExpressionCompiler.Compile(text);
        if (canonical is null)
        {
            Assert.False(result.Succeeded);
            return;
        }

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(canonical, result.Expression!.CanonicalText);
        Assert.Equal(canonical, Compile.Text(canonical).CanonicalText);
    }

    [Fact]
    public void Empty_and_or_of_one_collapse()
    {
        Assert.Equal("true", Compile.Tree("""{"and":[]}""").CanonicalText);
        Assert.Equal("false", Compile.Tree("false").CanonicalText);
        Assert.False(Compile.Tree("false").Evaluate(Compile.Sample()));
        Assert.Equal("false", Compile.Tree("""{"or":[]}""").CanonicalText);
        Assert.Equal("has(request.path)", Compile.Tree("""{"or":[{"field":"request_path","op":"exists"}]}""").CanonicalText);
    }
}
