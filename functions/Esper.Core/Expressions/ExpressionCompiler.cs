using System.Text.Json;

namespace Esper.Core.Expressions;

/// <summary>
/// Parses, type-checks and compiles expressions in either form: a JSON string holds the text form (a CEL subset),
/// a JSON object holds the tree form.
/// SEAM STUB: the expression work replaces the body; keep the public members.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>Compiles an expression given as a JSON string (text form) or object (tree form).</summary>
    public static ExpressionCompileResult Compile(JsonElement source) =>
        source.ValueKind is JsonValueKind.String or JsonValueKind.Object
            ? ExpressionCompileResult.Fail(new ExpressionError("expressions are not implemented yet", 0, null))
            : ExpressionCompileResult.Fail(new ExpressionError("an expression is a string (text form) or an object (tree form)", null, "$"));

    /// <summary>Compiles an expression in the text form.</summary>
    public static ExpressionCompileResult Compile(string text) =>
        ExpressionCompileResult.Fail(new ExpressionError("expressions are not implemented yet", 0, null));
}
