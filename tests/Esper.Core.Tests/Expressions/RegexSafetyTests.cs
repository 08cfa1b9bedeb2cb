namespace Esper.Core.Tests.Expressions;

public sealed class RegexSafetyTests
{
    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("^(a|aa)+$")]
    [InlineData("^(a|a?)+$")]
    [InlineData("(x+x+)+y")]
    [InlineData("^(\\\\w+\\\\s?)*$")]
    public void Catastrophic_backtracking_patterns_complete_with_the_right_answer(string pattern)
    {
        // Under a backtracking engine each of these takes exponential time on a long run of 'a'/'x' plus a mismatch.
        var expression = Compile.Text($"fields.input.matches(\"{pattern}\")");
        var hostile = Compile.Request(("fields.input", new string(pattern.Contains('x', StringComparison.Ordinal) ? 'x' : 'a', 50_000) + "!"));

        Assert.False(expression.Evaluate(hostile));
    }

    [Fact]
    public void Matching_is_a_search_not_a_full_match()
    {
        var expression = Compile.Text("user_agent.matches(\"(?i)bot\")");

        Assert.True(expression.Evaluate(Compile.Request(("user_agent", "Mozilla GoogleBOT/2.1"))));
        Assert.False(expression.Evaluate(Compile.Request(("user_agent", "Mozilla/5.0"))));
    }

    [Fact]
    public void Constructs_a_linear_engine_cannot_run_are_rejected_at_compile_time()
    {
        var result = Esper.Core.Expressions.ExpressionCompiler.Compile("request.path.matches(\"(a)\\\\1\")");

        Assert.False(result.Succeeded);
        Assert.Contains("regular expression", result.Error!.Message, StringComparison.Ordinal);
    }
}
