using System.Text.Json;
using Esper.Core.Expressions;
using Esper.Core.Fields;

namespace Esper.Core.Tests;

/// <summary>
/// A small stand-in expression compiler for engine and resource tests, so they pin engine rules independently of
/// the expression language: terms <c>true</c>, <c>field == "v"</c>, <c>field != "v"</c>, <c>field.contains("v")</c>,
/// <c>field.startsWith("v")</c>, <c>has(field)</c>, joined by <c>&amp;&amp;</c> and then <c>||</c>.
/// Anything else fails with the position of the offending term.
/// </summary>
internal static class TestExpressions
{
    public static readonly Func<JsonElement, ExpressionCompileResult> Compiler = Compile;

    public static JsonElement Text(string text) => JsonSerializer.SerializeToElement(text, Esper.Core.Resources.CoreJsonContext.Default.String);

    public static ExpressionCompileResult Compile(JsonElement source)
    {
        if (source.ValueKind != JsonValueKind.String)
        {
            return ExpressionCompileResult.Fail(new ExpressionError("the test compiler reads the text form only", null, "$"));
        }

        var text = source.GetString()!;
        var ors = new List<List<Func<EncodedRequest, bool>>>();
        var offset = 0;
        foreach (var orPart in text.Split(" || "))
        {
            var ands = new List<Func<EncodedRequest, bool>>();
            var inner = offset;
            foreach (var term in orPart.Split(" && "))
            {
                var predicate = Term(term.Trim());
                if (predicate is null)
                {
                    return ExpressionCompileResult.Fail(new ExpressionError($"unsupported term '{term.Trim()}'", inner, null));
                }

                ands.Add(predicate);
                inner += term.Length + 4;
            }

            ors.Add(ands);
            offset += orPart.Length + 4;
        }

        return ExpressionCompileResult.Ok(CompiledExpression.FromPredicate(r => ors.Exists(all => all.TrueForAll(p => p(r))), text));
    }

    private static Func<EncodedRequest, bool>? Term(string term)
    {
        if (term == "true")
        {
            return static _ => true;
        }

        if (term.StartsWith("has(", StringComparison.Ordinal) && term.EndsWith(')'))
        {
            var field = term[4..^1];
            return r => r.TryGetText(field, out _);
        }

        foreach (var (op, test) in Operators)
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0 && term.EndsWith(op.StartsWith('.') ? "\")" : "\"", StringComparison.Ordinal))
            {
                var field = term[..at].Trim();
                var value = term[(at + op.Length)..].Trim().TrimEnd(')').Trim('"');
                return r => test(r.TryGetText(field, out var v) ? v : null, value);
            }
        }

        return null;
    }

    private static readonly (string Op, Func<string?, string, bool> Test)[] Operators =
    [
        (" == \"", static (v, x) => v == x),
        (" != \"", static (v, x) => v != x),
        (".contains(\"", static (v, x) => v is not null && v.Contains(x, StringComparison.Ordinal)),
        (".startsWith(\"", static (v, x) => v is not null && v.StartsWith(x, StringComparison.Ordinal)),
    ];
}
