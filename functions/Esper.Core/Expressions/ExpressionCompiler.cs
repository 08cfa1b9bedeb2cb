using System.Text.Json;

namespace Esper.Core.Expressions;

/// <summary>
/// Parses, type-checks and compiles expressions in either form: a JSON string holds the text form (a CEL subset),
/// a JSON object holds the tree form. Both forms of one expression compile to the same canonical text and decide
/// identically. Never throws: problems come back as an <see cref="ExpressionError"/>. See docs/expressions.md.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Longest text form accepted, in characters.</summary>
    public const int MaxTextLength = 16384;

    /// <summary>Deepest nesting accepted (parentheses, <c>!</c> and tree nodes).</summary>
    public const int MaxDepth = 64;

    /// <summary>Compiles an expression given as a JSON string (text form) or object (tree form).</summary>
    public static ExpressionCompileResult Compile(JsonElement source)
    {
        try
        {
            return source.ValueKind switch
            {
                JsonValueKind.String => Compile(source.GetString()!),
                JsonValueKind.Object when Depth(source, 0) > MaxDepth =>
                    Fail(new ExpressionSyntaxException($"expression is nested deeper than {MaxDepth} levels", "$")),
                JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False => Ok(TreeParser.Parse(source, "$")),
                _ => ExpressionCompileResult.Fail(new ExpressionError("an expression is a string (text form), an object (tree form) or true/false", null, "$")),
            };
        }
        catch (ExpressionSyntaxException e)
        {
            return Fail(e);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            return ExpressionCompileResult.Fail(new ExpressionError("the expression could not be read", null, "$"));
        }
    }

    /// <summary>Compiles an expression in the text form.</summary>
    public static ExpressionCompileResult Compile(string text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return ExpressionCompileResult.Fail(new ExpressionError("the expression is empty", 0, null));
        }

        if (text.Length > MaxTextLength)
        {
            return ExpressionCompileResult.Fail(new ExpressionError($"the expression is longer than {MaxTextLength} characters", MaxTextLength, null));
        }

        if (NestingDepth(text) > MaxDepth)
        {
            return ExpressionCompileResult.Fail(new ExpressionError($"the expression is nested deeper than {MaxDepth} levels", 0, null));
        }

        try
        {
            return Ok(TextBinder.Bind(TextParser.Parse(text)));
        }
        catch (ExpressionSyntaxException e)
        {
            return Fail(e);
        }
    }

    private static ExpressionCompileResult Ok(Condition condition) =>
        ExpressionCompileResult.Ok(new CompiledExpression(condition.Compile(), condition.Print()));

    private static ExpressionCompileResult Fail(ExpressionSyntaxException e) =>
        ExpressionCompileResult.Fail(new ExpressionError(e.Message, e.Position, e.Path));

    // Bounds recursion in the parsers, so hostile input cannot exhaust the stack: open brackets and runs of
    // prefix operators, outside string literals.
    private static int NestingDepth(string text)
    {
        int depth = 0, deepest = 0, prefixRun = 0;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '!' or '-' when i + 1 < text.Length && text[i + 1] != '=':
                    prefixRun++;
                    break;
            }

            if (!char.IsWhiteSpace(c) && c is not ('!' or '-'))
            {
                prefixRun = 0;
            }

            deepest = Math.Max(deepest, Math.Max(depth, prefixRun));
        }

        return deepest;
    }

    private static int Depth(JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            return depth;
        }

        var deepest = depth;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                deepest = Math.Max(deepest, Depth(property.Value, depth + 1));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                deepest = Math.Max(deepest, Depth(item, depth + 1));
            }
        }

        return deepest;
    }
}
