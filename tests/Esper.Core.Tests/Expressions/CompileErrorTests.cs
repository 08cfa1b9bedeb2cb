using Esper.Core.Expressions;

namespace Esper.Core.Tests.Expressions;

public sealed class CompileErrorTests
{
    [Theory]
    [InlineData("request.method == ", 18, "unexpected end of expression at 18")]
    [InlineData("(request.method == \"POST\"", 25, "expected ')' at 25")]
    [InlineData("request.path == 3", 16, "cannot compare request.path (a string) with a number at 16")]
    [InlineData("request.nope == \"x\"", 0, "unknown field 'request.nope' (see the field model) at 0")]
    [InlineData("request.path.startsWith(1)", 24, "startsWith takes a string, not a number at 24")]
    [InlineData("request.path.frobnicate(\"x\")", 13, "unknown method 'frobnicate' at 13 (known: startsWith, endsWith, contains, matches, inCidr)")]
    [InlineData("request.path", 0, null)]
    [InlineData("\"a\" == \"b\"", 0, "expected a field, found a string at 0")]
    [InlineData("request.path == \"a\" &&", 22, "unexpected end of expression at 22")]
    [InlineData("request.path == 'open", 16, "unterminated string starting at 16")]
    [InlineData("request.path # 1", 13, "unexpected character '#' at 13")]
    [InlineData("request.path == \"a\" request.path", 20, "unexpected 'request' at 20")]
    [InlineData("request.path.matches(\"(a\")", 21, null)]
    [InlineData("request.path.matches(\"(?<=a)b\")", 21, null)]
    [InlineData("client_ip.inCidr(\"10.0.0.0/33\")", 17, null)]
    [InlineData("fields.vip < true", 13, "booleans cannot be ordered; use == or != at 13")]
    [InlineData("observed_at > \"last week\"", 14, null)]
    [InlineData("request.headers == \"x\"", 19, null)]
    [InlineData("size(fields)", 0, null)]
    [InlineData("size(fields) > \"2\"", 15, null)]
    [InlineData("request.path == request.method", 16, null)]
    [InlineData("request.path in \"/a\"", 16, null)]
    [InlineData("request.path == null", 16, null)]
    [InlineData("request.path == \"\\q\"", 17, "invalid escape '\\q' at 17")]
    [InlineData("client_ip in [\"a\", 1]", 13, null)]
    [InlineData("request.method in [1]", 18, null)]
    [InlineData("   ", 0, "the expression is empty")]
    public void Text_errors_carry_a_position_and_a_message(string text, int position, string? message)
    {
        var result = ExpressionCompiler.Compile(text);

        Assert.False(result.Succeeded);
        Assert.Equal(position, result.Error!.Position);
        Assert.Null(result.Error.Path);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        if (message is not null)
        {
            Assert.Equal(message, result.Error.Message);
        }
    }

    [Theory]
    [InlineData("""{"and":[{"field":"request.path","op":"eq","value":"/"},{"field":"request.path","op":"eqq","value":"/"}]}""", "$.and[1].op")]
    [InlineData("""{"field":"nope","op":"eq","value":1}""", "$.field")]
    [InlineData("""{"field":3,"op":"eq","value":1}""", "$.field")]
    [InlineData("""{"or":{}}""", "$.or")]
    [InlineData("""{"not":{"field":"request.path","op":"eq","value":3}}""", "$.not.value")]
    [InlineData("""{"field":"request.path","op":"in","value":[1,"a"]}""", "$.value")]
    [InlineData("""{"field":"request.path","op":"in","value":["a",{}]}""", "$.value[1]")]
    [InlineData("""{"field":"request.path","op":"eq"}""", "$.value")]
    [InlineData("""{"field":"request.path","value":"/"}""", "$.operator")]
    [InlineData("""{"field":"request.path","op":"matches","value":"(a"}""", "$.value")]
    [InlineData("""{"field":"request.path","op":"eq","value":"/","extra":1}""", "$.extra")]
    [InlineData("""{"and":[{"foo":1}]}""", "$.and[0]")]
    [InlineData("""{"and":[],"or":[]}""", "$.or")]
    [InlineData("""{"or":[1]}""", "$.or[0]")]
    [InlineData("""[]""", "$")]
    public void Tree_errors_carry_a_json_path(string json, string path)
    {
        var result = Compile.TreeResult(json);

        Assert.False(result.Succeeded);
        Assert.Equal(path, result.Error!.Path);
        Assert.Null(result.Error.Position);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public void Text_inside_a_json_string_compiles_as_the_text_form()
    {
        var result = Compile.TreeResult("\"request.path == 1\"");

        Assert.Equal(16, result.Error!.Position);
    }

    [Fact]
    public void Hostile_nesting_is_an_error_not_a_crash()
    {
        var deepText = new string('(', 5000) + "true" + new string(')', 5000);
        var bangs = new string('!', 10000) + "true";
        var deepTree = string.Concat(Enumerable.Repeat("{\"not\":", 60)) + "true" + new string('}', 60);

        Assert.False(ExpressionCompiler.Compile(deepText).Succeeded);
        Assert.False(ExpressionCompiler.Compile(bangs).Succeeded);
        Assert.False(ExpressionCompiler.Compile(new string('x', ExpressionCompiler.MaxTextLength + 1)).Succeeded);
        Assert.True(Compile.TreeResult(deepTree).Succeeded);
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "ab.()[]\"'!=<>&|, 0123456789-_inhas";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var result = ExpressionCompiler.Compile(text);
            Assert.True(result.Succeeded || result.Error is { Position: not null });
        }
    }
}
